using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GoShop.Testing;

/// <summary>
/// Counts the SQL commands EF Core sends while serving HTTP requests, to prove that loaders batch (no N+1).
/// Background work (the outbox dispatcher's polling, key refreshes) runs outside any request and is not counted.
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly List<string> _commands = [];
    private IHttpContextAccessor? _requests;

    public int Count
    {
        get
        {
            lock (_commands)
                return _commands.Count;
        }
    }

    /// <summary>The SQL of the counted commands, for failure messages.</summary>
    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_commands)
                return [.. _commands];
        }
    }

    public void Reset()
    {
        lock (_commands)
            _commands.Clear();
    }

    internal void CountOnlyDuring(IHttpContextAccessor requests) => _requests = requests;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    private void Record(DbCommand command)
    {
        if (_requests is { HttpContext: null })
            return;
        lock (_commands)
            _commands.Add(command.CommandText);
    }
}
