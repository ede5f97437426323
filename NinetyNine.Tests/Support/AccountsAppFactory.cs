using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NinetyNine.Domain.Common;
using NinetyNine.Web.Data;

namespace NinetyNine.Tests.Support;

/// <summary>
/// The real app (see <see cref="AppFactory"/>) with a clock the test moves and a way to say which client address a
/// request comes from (the <see cref="ClientHeader"/> header, honoured only here), so per-address limits can be tested.
/// </summary>
public sealed class AccountsAppFactory : AppFactory
{
    public const string ClientHeader = "X-Test-Client-Address";

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<IStartupFilter, ClientAddressFilter>();
        });
    }

    /// <summary>An anonymous client whose requests come from <paramref name="address"/>.</summary>
    public HttpClient ClientFrom(string address)
    {
        var client = SignedInClient.Anonymous(this);
        client.DefaultRequestHeaders.Add(ClientHeader, address);
        return client;
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate nextStep) =>
            {
                if (http.Request.Headers.TryGetValue(ClientHeader, out var value) && IPAddress.TryParse(value.ToString(), out var address))
                {
                    http.Connection.RemoteIpAddress = address;
                }

                return nextStep(http);
            });
            next(app);
        };
    }
}

/// <summary>Accounts made for a test in the demo network of any <see cref="AppFactory"/>.</summary>
public static class TestAccounts
{
    /// <summary>A new active person of the demo network with an account and a password; returns the account id.</summary>
    public static async Task<string> NewAccountAsync(this AppFactory app, string email, string password, string? language = null)
    {
        await using (var db = await app.DbFactory.CreateDbContextAsync())
        {
            var demo = await db.Networks.SingleAsync(n => n.Slug == "99vantwente");
            demo.AddPerson("Test Persoon", EmailAddress.Parse(email), organisation: "Testbedrijf");
            await db.SaveChangesAsync();
        }

        var network = await app.NetworkAsync();
        var person = network.People.Single(p => p.Email.Value == email);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var account = new UserAccount { UserName = email, Email = email, EmailConfirmed = true, NetworkId = network.Id, PersonId = person.Id, Language = language };
        var created = await users.CreateAsync(account, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Code)));
        return account.Id;
    }

    public static async Task<UserAccount> AccountAsync(this AppFactory app, string email)
    {
        await using var db = await app.DbFactory.CreateDbContextAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
    }
}
