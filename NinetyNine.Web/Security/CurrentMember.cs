using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using NinetyNine.Domain.Common;

namespace NinetyNine.Web.Security;

/// <summary>The signed-in person and their network: the scope of every query.</summary>
public sealed record CurrentMember(ClaimsPrincipal User, NetworkId NetworkId, PersonId PersonId)
{
    public bool IsCoordinator => User.IsCoordinator();
    public bool IsCoreGroup => User.IsCoreGroup();

    public static CurrentMember From(ClaimsPrincipal user) =>
        user.NetworkId() is { } network && user.PersonId() is { } person
            ? new CurrentMember(user, network, person)
            : throw new ForbiddenException();

    public static async Task<CurrentMember> FromAsync(Task<AuthenticationState> state) => From((await state).User);
}

/// <summary>The person may not do this. Services throw it on every refused operation.</summary>
public sealed class ForbiddenException : Exception
{
    public ForbiddenException() : base("Not allowed.") { }

    public ForbiddenException(string message) : base(message) { }

    public ForbiddenException(string message, Exception innerException) : base(message, innerException) { }
}
