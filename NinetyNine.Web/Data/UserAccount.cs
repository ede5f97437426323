using Microsoft.AspNetCore.Identity;
using NinetyNine.Domain.Common;

namespace NinetyNine.Web.Data;

/// <summary>A sign-in account, linked to the person it belongs to in one network.</summary>
public sealed class UserAccount : IdentityUser
{
    public const int LanguageMaxLength = 10;

    public NetworkId NetworkId { get; set; }
    public PersonId PersonId { get; set; }

    /// <summary>The language the person chose (<c>nl</c>, <c>en</c>); applied at every sign-in. Null: Dutch.</summary>
    public string? Language { get; set; }

    /// <summary>
    /// The generation of the person's calendar subscription address: part of its token, bumped when they replace it,
    /// so an older address is refused.
    /// </summary>
    public int CalendarFeedVersion { get; set; }
}
