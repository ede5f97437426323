using Microsoft.AspNetCore.Identity;
using NinetyNine.Domain.Common;

namespace NinetyNine.Web.Data;

/// <summary>A sign-in account, linked to the person it belongs to in one network.</summary>
public sealed class UserAccount : IdentityUser
{
    public NetworkId NetworkId { get; set; }
    public PersonId PersonId { get; set; }
}
