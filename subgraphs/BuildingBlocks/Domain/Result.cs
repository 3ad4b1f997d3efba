using System.Diagnostics.CodeAnalysis;

namespace GoShop.BuildingBlocks.Domain;

/// <summary>The outcome of a domain operation that can fail in an expected way.</summary>
public readonly record struct Result
{
    private Result(DomainError? error) => Error = error;

    public DomainError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static Result Success { get; } = new(null);

    public static Result Fail(string code, string message, string? field = null) => new(new DomainError(code, message, field));

    public static implicit operator Result(DomainError error) => new(error);
}

/// <summary>The outcome of a domain operation that produces a value or fails in an expected way.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, DomainError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public DomainError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(DomainError error) => new(default, error);
}
