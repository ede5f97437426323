using System.Globalization;
using System.Resources;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NinetyNine.Web.Data;
using NinetyNine.Web.Features.Outbox;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Features.Account;

/// <summary>
/// "Forgot password": a request by email gets the same answer whether or not the address has an account; an account gets
/// an email (through the outbox, in the person's language) with a link valid <see cref="PasswordResetTokenProvider.Lifetime"/>
/// that works once. Scoped, like the UserManager.
/// </summary>
public sealed class PasswordResets(UserManager<UserAccount> users, AccountStatus status, AccountThrottle throttle, IDbContextFactory<NinetyNineDb> dbFactory,
    EmailOutbox outbox, NetworkDirectory networks, TimeProvider time, ILogger<PasswordResets> logger)
{
    private static readonly ResourceManager Templates = new("NinetyNine.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>False only when this client address asked too often (which says nothing about any account).</summary>
    public async Task<bool> RequestAsync(string email, string clientAddress, Uri appBase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(appBase);
        if (!throttle.TryResetRequestFrom(clientAddress))
        {
            logger.LogWarning("Password reset refused: too many requests from one client address");
            return false;
        }

        if (!throttle.TryResetEmailTo(email))
        {
            // Answered alike, but nothing more is sent: nobody can flood a mailbox with reset emails.
            logger.LogInformation("Password reset request not sent: this email address got enough for now");
            return true;
        }

        var account = await users.FindByEmailAsync(email.Trim());
        if (account?.Email is null || !await status.IsActiveAsync(account, cancellationToken))
        {
            return true;
        }

        var token = await users.GenerateUserTokenAsync(account, PasswordResetTokenProvider.Name, UserManager<UserAccount>.ResetPasswordTokenPurpose);
        var link = new Uri(appBase, $"account/reset-password?user={Uri.EscapeDataString(account.Id)}&token={Uri.EscapeDataString(token)}");
        var culture = CultureInfo.GetCultureInfo(account.Language ?? "nl");
        var networkName = await networks.NameAsync(account.NetworkId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        outbox.Queue(db, OutboxMessage.Create(account.NetworkId, null, account.Email,
            Format("Account.Reset.EmailSubject", culture, networkName),
            Format("Account.Reset.EmailBody", culture, networkName, link, PasswordResetTokenProvider.Lifetime.TotalHours),
            culture.TwoLetterISOLanguageName, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Sets the new password when the link is still valid; the account's security stamp changes, so the link is used up.</summary>
    public async Task<ResetResult> ResetAsync(string? userId, string? token, string password)
    {
        var account = userId is null ? null : await users.FindByIdAsync(userId);
        if (account is null || token is null || !await status.IsActiveAsync(account)
            || !await users.VerifyUserTokenAsync(account, PasswordResetTokenProvider.Name, UserManager<UserAccount>.ResetPasswordTokenPurpose, token))
        {
            return new ResetResult(ResetStatus.Expired, null);
        }

        // Identity's own reset (password rules, hash, new security stamp) with a token made for this one call.
        var result = await users.ResetPasswordAsync(account, await users.GeneratePasswordResetTokenAsync(account), password);
        if (!result.Succeeded)
        {
            return new ResetResult(ResetStatus.Rejected, null);
        }

        // Whoever proves they own the mailbox is no longer locked out.
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        return new ResetResult(ResetStatus.Done, account);
    }

    private static string Format(string key, CultureInfo culture, params object[] values)
    {
        var template = Templates.GetString(key, culture) ?? throw new InvalidOperationException($"The email template '{key}' is missing.");
        return string.Format(culture, template.ReplaceLineEndings("\n"), values);
    }
}

public enum ResetStatus
{
    Done,
    Expired,
    Rejected,
}

public sealed record ResetResult(ResetStatus Status, UserAccount? Account);

/// <summary>What a person types to ask for a reset link.</summary>
public sealed class ForgotPassword
{
    public string Email { get; set; } = string.Empty;
}

public sealed class ForgotPasswordValidator : AbstractValidator<ForgotPassword>
{
    public ForgotPasswordValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage(_ => l["SignIn.EmailRequired"])
            .EmailAddress().WithMessage(_ => l["SignIn.EmailInvalid"])
            .MaximumLength(NinetyNine.Domain.Common.EmailAddress.MaxLength).WithMessage(_ => l["SignIn.EmailInvalid"]);
    }
}
