using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using NinetyNine.Web.Data;

namespace NinetyNine.Web.Features.Account;

/// <summary>
/// Tokens for the "forgot password" link: valid <see cref="Lifetime"/> by the app's <see cref="TimeProvider"/>, bound to
/// the account's security stamp (a reset changes the stamp, so a link works once), and protected with their own purpose,
/// apart from the 14-day invitation tokens of Identity's default provider.
/// </summary>
public sealed class PasswordResetTokenProvider(IDataProtectionProvider dataProtection, TimeProvider time) : IUserTwoFactorTokenProvider<UserAccount>
{
    public const string Name = "NinetyNine.PasswordReset";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("NinetyNine.PasswordReset.v1");

    public async Task<string> GenerateAsync(string purpose, UserManager<UserAccount> manager, UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var stamp = await manager.GetSecurityStampAsync(user);
        var issued = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return _protector.Protect(string.Join('|', user.Id, purpose, stamp, issued));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<UserAccount> manager, UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }

        var parts = payload.Split('|');
        if (parts.Length != 4 || parts[0] != user.Id || parts[1] != purpose
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var issuedSeconds))
        {
            return false;
        }

        var issued = DateTimeOffset.FromUnixTimeSeconds(issuedSeconds);
        var now = time.GetUtcNow();
        return issued <= now && now - issued < Lifetime && parts[2] == await manager.GetSecurityStampAsync(user);
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<UserAccount> manager, UserAccount user) => Task.FromResult(false);
}
