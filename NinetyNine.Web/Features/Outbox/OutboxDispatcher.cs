using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NinetyNine.Web.Data;

namespace NinetyNine.Web.Features.Outbox;

/// <summary>
/// Sends what the outbox holds, oldest first, every <c>Email:DispatchSeconds</c> (default 10). A failed email is tried
/// again on later rounds, at most <see cref="MaxAttempts"/> times; each attempt is recorded (<see cref="OutboxMessage.Attempts"/>,
/// <see cref="OutboxMessage.LastError"/>) and a delivered one gets its <see cref="OutboxMessage.SentAt"/>.
/// Delivery is at least once: an email whose sent mark could not be saved goes out again.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<NinetyNineDb> dbFactory,
    IEmailSender sender,
    TimeProvider time,
    IOptions<EmailOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public const int MaxAttempts = 5;
    private const int BatchSize = 50;

    // One round at a time within this process (the timer and a direct call never send the same email twice).
    private readonly SemaphoreSlim _round = new(1, 1);

    public TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.DispatchSeconds));

    /// <summary>Tries every due email once; returns how many were delivered.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var due = await db.OutboxMessages
                .Where(m => m.SentAt == null && m.Attempts < MaxAttempts)
                .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            var delivered = 0;
            foreach (var message in due)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    await sender.SendAsync(message, cancellationToken);
                    message.MarkSent(time.GetUtcNow());
                    delivered++;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Stopping: not a failed attempt.
                    throw;
                }
                catch (Exception e)
                {
                    message.MarkFailed($"{e.GetType().Name}: {e.Message}");
                    // The exception's text may hold the address; the log gets the type only.
                    logger.LogWarning("Email {MessageId} was not delivered (attempt {Attempt} of {MaxAttempts}): {ErrorType}",
                        message.Id, message.Attempts, MaxAttempts, e.GetType().Name);
                }

                // Saved per email, so what was delivered is known even if a later one hangs or the app stops.
                await db.SaveChangesAsync(CancellationToken.None);
            }

            return delivered;
        }
        finally
        {
            _round.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await DispatchDueAsync(stoppingToken);
                }
                catch (Exception e) when (e is DbUpdateException or InvalidOperationException or IOException)
                {
                    logger.LogWarning(e, "Dispatching the outbox failed; trying again later");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    public override void Dispose()
    {
        _round.Dispose();
        base.Dispose();
    }
}
