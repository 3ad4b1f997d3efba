using GoShop.BuildingBlocks.Domain;
using GoShop.BuildingBlocks.GraphQL.Errors;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GoShop.Cart.GraphQL.Mutations;

/// <summary>Shorthands for failed payloads.</summary>
internal static class MutationResults
{
    public static TPayload Fail<TPayload>(DomainError error) where TPayload : Payload, new() =>
        new() { UserErrors = [UserError.From(error)] };

    public static TPayload Fail<TPayload>(InputCheck check) where TPayload : Payload, new() =>
        new() { UserErrors = check.Errors };

    /// <summary>Whether saving failed on a unique index (the database's last word on a race two requests both "won").</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception, string index) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres
        && postgres.ConstraintName == index;
}
