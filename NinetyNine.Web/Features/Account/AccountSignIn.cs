using Microsoft.AspNetCore.Identity;
using NinetyNine.Web.Data;

namespace NinetyNine.Web.Features.Account;

public enum SignInOutcome
{
    Succeeded,

    /// <summary>Wrong email or password, and equally an unknown email or a blocked account with a wrong password.</summary>
    Failed,

    /// <summary>This client address failed too often; nothing was checked.</summary>
    Throttled,

    /// <summary>The right password for a locked account: only someone who knows the password learns it is locked.</summary>
    LockedOut,

    /// <summary>The right password for a deactivated person's account.</summary>
    NotAllowed,
}

/// <summary>
/// Signs a person in without telling a stranger whether an email has an account: an unknown email gets the same answer
/// after the same work (a password hash check against a dummy hash), and the lock-out or deactivation is only named to
/// someone who typed the right password. Failures are counted per client address, and that limit is reached well before
/// an account's own lock-out, so one address cannot lock the coordinator out. Scoped, like the SignInManager.
/// </summary>
public sealed class AccountSignIn(SignInManager<UserAccount> signIn, UserManager<UserAccount> users, AccountThrottle throttle, DummyPasswordHash dummy,
    ILogger<AccountSignIn> logger)
{
    public async Task<(SignInOutcome Outcome, UserAccount? Account)> SignInAsync(SignIn input, string clientAddress)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (throttle.SignInBlocked(clientAddress))
        {
            logger.LogWarning("Sign-in refused: too many failed attempts from one client address");
            return (SignInOutcome.Throttled, null);
        }

        var account = await users.FindByEmailAsync(input.Email.Trim());
        if (account is null)
        {
            dummy.Verify(users.PasswordHasher, input.Password);
            throttle.SignInFailed(clientAddress);
            return (SignInOutcome.Failed, null);
        }

        var result = await signIn.PasswordSignInAsync(account, input.Password, input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return (SignInOutcome.Succeeded, account);
        }

        if ((result.IsLockedOut || result.IsNotAllowed) && await users.CheckPasswordAsync(account, input.Password))
        {
            logger.LogWarning("Sign-in refused with the right password: {Reason}", result.IsLockedOut ? "locked out" : "not allowed");
            return (result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.NotAllowed, null);
        }

        throttle.SignInFailed(clientAddress);
        return (SignInOutcome.Failed, null);
    }
}

/// <summary>A hash of a random password, made once by the app's own hasher, to check unknown emails against.</summary>
public sealed class DummyPasswordHash
{
    private string? _hash;

    public void Verify(IPasswordHasher<UserAccount> hasher, string password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        // Made on first use (a race only makes it twice): the same algorithm and work factor as the real accounts' hashes.
        _hash ??= hasher.HashPassword(new UserAccount(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(new UserAccount(), _hash, password);
    }
}
