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

    /// <summary>When the last welcome link was sent (the link is valid for 14 days from then); null for accounts made otherwise.</summary>
    public DateTimeOffset? InvitedAt { get; set; }

    /// <summary>
    /// Changes whenever the person's roles change. A signed-in person whose cookie or circuit carries an older value
    /// gets fresh claims (their new roles) without signing in again; the security stamp, by contrast, signs them out.
    /// </summary>
    public string? AccessStamp { get; set; }

    /// <summary>The person's roles or details changed: every session of the account re-reads its claims.</summary>
    public void AccessChanged() => AccessStamp = Guid.NewGuid().ToString("N");
}
