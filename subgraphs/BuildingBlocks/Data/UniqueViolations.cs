using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GoShop.BuildingBlocks.Data;

/// <summary>Telling a lost race on a unique index from any other failure to save.</summary>
public static class UniqueViolations
{
    /// <summary>Whether saving failed on a unique index (the database's last word on a race two requests both "won").</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception, string index) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres
        && postgres.ConstraintName == index;
}
