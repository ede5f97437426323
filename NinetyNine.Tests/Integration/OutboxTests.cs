using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NinetyNine.Domain.Applications;
using NinetyNine.Domain.Common;
using NinetyNine.Tests.Outbox;
using NinetyNine.Tests.Support;
using NinetyNine.Web.Data;
using NinetyNine.Web.Features.Outbox;
using NinetyNine.Web.Security;

namespace NinetyNine.Tests.Integration;

/// <summary>The real app (Testing: the file sender into the temporary data folder), with the dispatcher's own timer slowed
/// down so that only the test decides when the outbox is dispatched.</summary>
public sealed class OutboxAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:DispatchSeconds", "3600");
    }
}

public sealed class OutboxTests(OutboxAppFactory app) : IClassFixture<OutboxAppFactory>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_queued_decision_email_is_saved_with_the_decision_then_sent_to_the_outbox_folder_and_listed_on_the_dossier()
    {
        var (application, message) = await SaveApplicationWithEmailAsync(app.Services, "10000001", DecisionOutcome.Admitted);

        var sent = await app.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        Assert.Equal(1, sent);
        await using (var db = await app.DbFactory.CreateDbContextAsync())
        {
            var stored = await db.OutboxMessages.SingleAsync(m => m.Id == message.Id);
            Assert.NotNull(stored.SentAt);
            Assert.Equal(0, stored.Attempts);
            Assert.Null(stored.LastError);
        }

        var sender = Assert.IsType<FileEmailSender>(app.Services.GetRequiredService<IEmailSender>());
        var dataDirectory = app.Services.GetRequiredService<IConfiguration>()["NinetyNine:DataDirectory"]!;
        Assert.Equal(Path.Combine(Path.GetFullPath(dataDirectory), "outbox"), sender.Folder);
        var file = Assert.Single(Directory.GetFiles(sender.Folder, $"*{message.Id:N}.eml"));
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains($"Subject: {message.Subject}\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"To: {application.ContactEmail.Value}\r\n", text, StringComparison.Ordinal);
        Assert.Contains(application.CompanyName, text, StringComparison.Ordinal);
        Assert.Contains(application.Reference, text, StringComparison.Ordinal);

        // What was sent when, as the dossier shows it; only for the coordinator and the core group.
        await using var scope = app.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<OutboxQueries>();
        var row = Assert.Single(await queries.ForApplicationAsync(await app.MemberAsync(AppFactory.Coordinator), application.Id));
        Assert.Equal(message.Subject, row.Subject);
        Assert.Equal(application.ContactEmail.Value, row.To);
        Assert.Equal(Now, row.CreatedAt);
        Assert.NotNull(row.SentAt);
        Assert.Null(row.LastError);
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await queries.ForApplicationAsync(await app.MemberAsync(AppFactory.Participant), application.Id));

        // Sent once: a later round finds nothing to do.
        Assert.Equal(0, await app.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Queueing_does_not_save_an_email_the_caller_does_not_save()
    {
        var outbox = app.Services.GetRequiredService<EmailOutbox>();
        var application = ApplicantEmailsTests.SampleApplication();
        var message = ApplicantEmails.Compose(application, DecisionOutcome.Declined, "99vanTwente", null).ToOutboxMessage(application, Now);

        await using (var db = await app.DbFactory.CreateDbContextAsync())
        {
            outbox.Queue(db, message);
            Assert.Equal(EntityState.Added, db.Entry(message).State);
        }

        await using var check = await app.DbFactory.CreateDbContextAsync();
        Assert.False(await check.OutboxMessages.AnyAsync(m => m.Id == message.Id));
    }

    [Fact]
    public async Task A_failing_sender_is_retried_with_each_attempt_recorded_and_given_up_after_five()
    {
        var failing = new FailingSender();
        await using var parent = new OutboxAppFactory();
        await using var failingApp = parent.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IEmailSender>(failing)));
        var (_, message) = await SaveApplicationWithEmailAsync(failingApp.Services, "10000002", DecisionOutcome.Declined);
        var dispatcher = failingApp.Services.GetRequiredService<OutboxDispatcher>();
        var dbFactory = failingApp.Services.GetRequiredService<IDbContextFactory<NinetyNineDb>>();

        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var once = await db.OutboxMessages.SingleAsync(m => m.Id == message.Id);
            Assert.Equal(1, once.Attempts);
            Assert.Equal("IOException: The relay refused the connection.", once.LastError);
            Assert.Null(once.SentAt);
        }

        for (var round = 0; round < 6; round++)
        {
            Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        }

        Assert.Equal(OutboxDispatcher.MaxAttempts, failing.Calls);
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var stored = await db.OutboxMessages.SingleAsync(m => m.Id == message.Id);
            Assert.Equal(OutboxDispatcher.MaxAttempts, stored.Attempts);
            Assert.Equal("IOException: The relay refused the connection.", stored.LastError);
            Assert.Null(stored.SentAt);
        }
    }

    [Fact]
    public async Task Unsent_email_goes_out_oldest_first()
    {
        var recording = new RecordingSender();
        await using var parent = new OutboxAppFactory();
        await using var recordingApp = parent.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IEmailSender>(recording)));
        var dbFactory = recordingApp.Services.GetRequiredService<IDbContextFactory<NinetyNineDb>>();
        var outbox = recordingApp.Services.GetRequiredService<EmailOutbox>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var network = await db.Networks.SingleAsync(n => n.Slug == "99vantwente");
            // Queued newest first, so the order of saving is not what decides.
            outbox.Queue(db, OutboxMessage.Create(network.Id, null, "b@example.org", "Second", "Body", "nl", Now.AddMinutes(1)));
            outbox.Queue(db, OutboxMessage.Create(network.Id, null, "a@example.org", "First", "Body", "nl", Now));
            await db.SaveChangesAsync();
        }

        Assert.Equal(2, await recordingApp.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None));
        Assert.Equal(["First", "Second"], recording.Subjects);
    }

    private static async Task<(Application Application, OutboxMessage Message)> SaveApplicationWithEmailAsync(
        IServiceProvider services, string kvk, DecisionOutcome outcome)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<NinetyNineDb>>().CreateDbContextAsync();
        var network = await db.Networks.SingleAsync(n => n.Slug == "99vantwente");
        var application = Application.Submit(network.Id, new SubmitApplication
        {
            CompanyName = "Bakkerij De Korenschoof",
            Kvk = kvk,
            Sector = "Voeding",
            Town = "Almelo",
            Employees = 40,
            ContactName = "Femke Nijhuis",
            ContactEmail = "femke@korenschoof.example",
            Motivation = "Wij willen twee banen creëren.",
            Offers = Offer.Jobs,
        }, Now.AddDays(-10));
        db.Applications.Add(application);
        var message = ApplicantEmails.Compose(application, outcome, network.Name, null).ToOutboxMessage(application, Now);
        services.GetRequiredService<EmailOutbox>().Queue(db, message);
        await db.SaveChangesAsync();
        return (application, message);
    }

    private sealed class FailingSender : IEmailSender
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            throw new IOException("The relay refused the connection.");
        }
    }

    private sealed class RecordingSender : IEmailSender
    {
        public List<string> Subjects { get; } = [];

        public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            lock (Subjects)
            {
                Subjects.Add(message.Subject);
            }

            return Task.CompletedTask;
        }
    }
}
