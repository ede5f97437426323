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
/// welcome page, where they choose their password. Used when an application is admitted and by the coordinator's people screen. Scoped, like the UserManager.
/// </summary>
public sealed class Invitations(UserManager<UserAccount> users, IDbContextFactory<NinetyNineDb> dbFactory, EmailOutbox outbox, IStringLocalizer<SharedResource> l,
    TimeProvider time, ILogger<Invitations> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    /// <summary>The resource keys of the ordinary welcome email.</summary>
    private static readonly (string Subject, string Body) InviteText = ("Email.Invite.Subject", "Email.Invite.Body");

    public Task<bool> InviteAsync(NinetyNine.Web.Features.Applications.NewParticipant participant, Uri appBase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return InviteAsync(participant.NetworkId, participant.PersonId, participant.Email, participant.Name, participant.NetworkName, participant.ApplicationId, appBase, cancellationToken);
    }

    /// <summary>Creates the account and queues the invitation; false when the person already has an account.</summary>
    public Task<bool> InviteAsync(NetworkId networkId, PersonId personId, string email, string name, string networkName, ApplicationId? applicationId,
        Uri appBase, CancellationToken cancellationToken = default) =>
        InviteAsync(networkId, personId, email, name, networkName, applicationId, appBase, InviteText, cancellationToken);

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

        var account = new UserAccount
        {
            UserName = email, Email = email, EmailConfirmed = true, NetworkId = networkId, PersonId = personId, InvitedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(account);
        if (!created.Succeeded)
        {
            logger.LogWarning("Could not create an account for an invited person: {Errors}", string.Join("; ", created.Errors.Select(e => e.Code)));
            return false;
        }

        await SendLinkAsync(account, name, networkName, applicationId, appBase, text, cancellationToken);
        return true;
    }

    /// <summary>
    /// Sends a new welcome link (again valid 14 days) to a person who has not chosen a password yet; the earlier link
    /// stops working. False when the person has no account yet or already chose a password.
    /// </summary>
    public async Task<bool> ResendAsync(NetworkId networkId, PersonId personId, string name, string networkName, Uri appBase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appBase);
        var account = await users.Users.SingleOrDefaultAsync(u => u.NetworkId == networkId && u.PersonId == personId, cancellationToken);
        if (account is null || await users.HasPasswordAsync(account))
        {
            return false;
        }

        // A new security stamp invalidates the link sent before.
        await users.UpdateSecurityStampAsync(account);
        account.InvitedAt = time.GetUtcNow();
        await users.UpdateAsync(account);
        await SendLinkAsync(account, name, networkName, null, appBase, InviteText, cancellationToken);
        return true;
    }

    /// <summary>Where a person's invitation stands: not invited, link sent (until when), link expired, or the account is in use.</summary>
    public static InvitationStatus StatusOf(UserAccount? account, DateTimeOffset now) => account switch
    {
        null => new InvitationStatus(InvitationState.NotInvited, null),
        { PasswordHash: not null } => new InvitationStatus(InvitationState.Accepted, null),
        { InvitedAt: { } at } when at + Lifetime > now => new InvitationStatus(InvitationState.Sent, at + Lifetime),
        { InvitedAt: { } at } => new InvitationStatus(InvitationState.Expired, at + Lifetime),
        _ => new InvitationStatus(InvitationState.Expired, null),
    };

    private async Task SendLinkAsync(UserAccount account, string name, string networkName, ApplicationId? applicationId, Uri appBase, (string Subject, string Body) text,
        CancellationToken cancellationToken)
    {
        var token = await users.GeneratePasswordResetTokenAsync(account);
        var link = new Uri(appBase, $"account/welcome?user={Uri.EscapeDataString(account.Id)}&token={Uri.EscapeDataString(token)}");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        outbox.Queue(db, OutboxMessage.Create(account.NetworkId, applicationId, account.Email!, l[text.Subject, networkName],
            l[text.Body, name, networkName, link, Lifetime.Days], "nl", time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}

public enum InvitationState
{
    NotInvited = 1,
    Sent = 2,
    Expired = 3,

    /// <summary>The person chose a password: the link was used (or the account was made with one).</summary>
    Accepted = 4,
}

public sealed record InvitationStatus(InvitationState State, DateTimeOffset? ExpiresAt);

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
