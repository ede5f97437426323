using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NinetyNine.Domain.Common;
using NinetyNine.Web.Data;
using NinetyNine.Web.Features.Outbox;

namespace NinetyNine.Web.Features.Account;

/// <summary>
/// Invites a person to NinetyNine: an account without a password and an email with a link (valid 14 days) to the
/// welcome page, where they choose their password. Used when an application is admitted. Scoped, like the UserManager.
/// </summary>
public sealed class Invitations(UserManager<UserAccount> users, IDbContextFactory<NinetyNineDb> dbFactory, EmailOutbox outbox, IStringLocalizer<SharedResource> l,
    TimeProvider time, ILogger<Invitations> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public Task<bool> InviteAsync(NinetyNine.Web.Features.Applications.NewParticipant participant, Uri appBase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return InviteAsync(participant.NetworkId, participant.PersonId, participant.Email, participant.Name, participant.NetworkName, participant.ApplicationId, appBase, cancellationToken);
    }

    /// <summary>Creates the account and queues the invitation; false when the person already has an account.</summary>
    public Task<bool> InviteAsync(NetworkId networkId, PersonId personId, string email, string name, string networkName, ApplicationId? applicationId,
        Uri appBase, CancellationToken cancellationToken = default) =>
        InviteAsync(networkId, personId, email, name, networkName, applicationId, appBase, ("Email.Invite.Subject", "Email.Invite.Body"), cancellationToken);

    /// <summary>
    /// The same with an email of its own (<paramref name="text"/>: the resource keys of its subject, with the network's
    /// name, and its body, with the person's name, the network's name, the link and the days it is valid).
    /// </summary>
    public async Task<bool> InviteAsync(NetworkId networkId, PersonId personId, string email, string name, string networkName, ApplicationId? applicationId,
        Uri appBase, (string Subject, string Body) text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appBase);
        if (await users.FindByEmailAsync(email) is not null)
        {
            return false;
        }

        var account = new UserAccount { UserName = email, Email = email, EmailConfirmed = true, NetworkId = networkId, PersonId = personId };
        var created = await users.CreateAsync(account);
        if (!created.Succeeded)
        {
            logger.LogWarning("Could not create an account for an admitted contact: {Errors}", string.Join("; ", created.Errors.Select(e => e.Code)));
            return false;
        }

        var token = await users.GeneratePasswordResetTokenAsync(account);
        var link = new Uri(appBase, $"account/welcome?user={Uri.EscapeDataString(account.Id)}&token={Uri.EscapeDataString(token)}");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        outbox.Queue(db, OutboxMessage.Create(networkId, applicationId, email, l[text.Subject, networkName],
            l[text.Body, name, networkName, link, Lifetime.Days], "nl", time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>What a newcomer types on the welcome page.</summary>
public sealed class ChoosePassword
{
    public string Password { get; set; } = string.Empty;
    public string Repeat { get; set; } = string.Empty;
}

public sealed class ChoosePasswordValidator : AbstractValidator<ChoosePassword>
{
    public const int MinLength = 10;

    public ChoosePasswordValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Password).MinimumLength(MinLength).WithMessage(_ => l["Welcome.TooShort", MinLength]);
        RuleFor(x => x.Repeat).Equal(x => x.Password).WithMessage(_ => l["Welcome.NoMatch"]);
    }
}
