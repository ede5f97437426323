using System.Collections.Concurrent;
using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NinetyNine.Domain.Common;
using NinetyNine.Web.Data;
using NinetyNine.Web.Security;

namespace NinetyNine.Web.Live;

/// <summary>What a live aggregate tells the core: its name in the operation records, how to load it, and its network.</summary>
public sealed record LiveKind<TAggregate>(string Name, Func<NinetyNineDb, Guid, CancellationToken, Task<TAggregate?>> Load,
    Func<TAggregate, NetworkId> NetworkOf, string UnknownMessageKey)
    where TAggregate : class;

/// <summary>One command's turn on its aggregate: the kept context and aggregate, the caller as they are now, and the sequence it will get.</summary>
public sealed record LiveTurn<TAggregate>(NinetyNineDb Db, TAggregate Aggregate, LiveCaller Caller, DateTimeOffset Now, long Sequence)
    where TAggregate : class;

/// <summary>
/// The core's answer to a command: accepted with its sequence number (also for a resend of an operation already
/// applied: <see cref="Duplicate"/>), or refused with a message fit for the person.
/// </summary>
public sealed record LiveOutcome<TChange>(bool Accepted, string? Error, long Sequence, bool Duplicate = false, TChange? Change = null)
    where TChange : class;

/// <summary>
/// The one server core every live aggregate (board, onboarding checklist) runs its commands through. In the aggregate's
/// turn it reads the caller's current rights (active person, current roles), drops a resent operation id, applies the
/// intent to the aggregate kept loaded, saves it with its <see cref="OperationRecord"/> under the concurrency token
/// (a lost save race loads again and applies anew, at most <see cref="MaxSaveAttempts"/> times), and gives it the next
/// sequence number. Any failure drops what was kept and becomes a refusal with a message for the person. The change is
/// handed to the <see cref="ILiveFeed"/> in sequence order; delivery happens on each subscriber's own queue, outside
/// the turn, so a slow receiver never holds up the next change.
/// </summary>
public sealed class LiveCore(IDbContextFactory<NinetyNineDb> dbFactory, ILiveFeed feed, TimeProvider time, ILogger<LiveCore> logger)
{
    /// <summary>The one retry limit for lost save races, the same for every aggregate.</summary>
    public const int MaxSaveAttempts = 8;

    /// <summary>A client further behind than this takes a fresh snapshot instead of the missed changes.</summary>
    public const int MaxCatchUp = 500;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<string, object> _lines = new();

    public ILiveFeed Feed => feed;

    /// <summary>
    /// Runs one intent on the aggregate <paramref name="aggregateId"/>. <paramref name="apply"/> checks what the caller may
    /// do (throwing <see cref="ForbiddenException"/> or <see cref="DomainException"/>), changes the aggregate and returns
    /// the change as clients receive it, carrying <see cref="LiveTurn{TAggregate}.Sequence"/>.
    /// </summary>
    public async Task<LiveOutcome<TChange>> RunAsync<TAggregate, TChange>(LiveKind<TAggregate> kind, CurrentMember member, Guid aggregateId,
        Guid operationId, string operation, Func<LiveTurn<TAggregate>, Task<TChange>> apply, CancellationToken cancellationToken = default)
        where TAggregate : class
        where TChange : class
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(apply);
        if (operationId == Guid.Empty)
        {
            return Refused<TChange>(Text.Get("Live.NoOperationId"));
        }

        var lines = (LiveLines<TAggregate>)_lines.GetOrAdd(kind.Name, _ => new LiveLines<TAggregate>(dbFactory, kind.Load));
        try
        {
            return await lines.InTurnAsync(aggregateId, line => TurnAsync(line, kind, member, aggregateId, operationId, operation, apply, cancellationToken),
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // The one mapping of failures to what the person reads; the line has already dropped what it kept.
            return Refused<TChange>(RefusalOf(e, kind.Name, operation));
        }
    }

    /// <summary>The last sequence number of an aggregate (0: no operation yet). Read it before the state a snapshot shows.</summary>
    public static async Task<long> SequenceAsync(NinetyNineDb db, string aggregateType, Guid aggregateId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.OperationRecords.AsNoTracking()
            .Where(r => r.AggregateType == aggregateType && r.AggregateId == aggregateId)
            .MaxAsync(r => (long?)r.Sequence, cancellationToken) ?? 0;
    }

    /// <summary>The changes after <paramref name="since"/>, in order; null when they are too many or no longer complete (take a snapshot).</summary>
    public async Task<IReadOnlyList<TChange>?> SinceAsync<TChange>(string aggregateType, Guid aggregateId, long since, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var last = await SequenceAsync(db, aggregateType, aggregateId, cancellationToken);
        if (last - since > MaxCatchUp || since > last)
        {
            return null;
        }

        var payloads = await db.OperationRecords.AsNoTracking()
            .Where(r => r.AggregateType == aggregateType && r.AggregateId == aggregateId && r.Sequence > since)
            .OrderBy(r => r.Sequence)
            .Select(r => new { r.Sequence, r.Payload })
            .ToListAsync(cancellationToken);
        if (payloads.Count != last - since || payloads.Select((p, i) => p.Sequence != since + 1 + i).Any(gap => gap))
        {
            return null;
        }

        return [.. payloads.Select(p => JsonSerializer.Deserialize<TChange>(p.Payload, Json)!)];
    }

    private async Task<LiveOutcome<TChange>> TurnAsync<TAggregate, TChange>(LiveLine<TAggregate> line, LiveKind<TAggregate> kind, CurrentMember member,
        Guid aggregateId, Guid operationId, string operation, Func<LiveTurn<TAggregate>, Task<TChange>> apply, CancellationToken cancellationToken)
        where TAggregate : class
        where TChange : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            var (db, aggregate) = await line.OpenAsync(now, cancellationToken);
            if (aggregate is null || kind.NetworkOf(aggregate) != member.NetworkId)
            {
                await line.ForgetAsync();
                logger.LogWarning("Refused {Operation} on an unknown {Type}", operation, kind.Name);
                return Refused<TChange>(Text.Get(kind.UnknownMessageKey));
            }

            var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == member.NetworkId, cancellationToken);
            var caller = LiveCaller.Of(member, network);
            if (!caller.IsActive)
            {
                logger.LogWarning("Refused {Operation} on a {Type} by a person who is no longer active", operation, kind.Name);
                return Refused<TChange>(Text.Get("Live.NoLongerActive"));
            }

            var done = await db.OperationRecords.AsNoTracking()
                .Where(r => r.AggregateType == kind.Name && r.AggregateId == aggregateId && r.OperationId == operationId)
                .Select(r => (long?)r.Sequence)
                .SingleOrDefaultAsync(cancellationToken);
            if (done is { } sequence)
            {
                return new LiveOutcome<TChange>(true, null, sequence, Duplicate: true);
            }

            line.Sequence ??= await SequenceAsync(db, kind.Name, aggregateId, cancellationToken);
            var next = line.Sequence.Value + 1;
            var change = await apply(new LiveTurn<TAggregate>(db, aggregate, caller, now, next));
            var record = new OperationRecord(kind.Name, aggregateId, next, operationId, operation[..Math.Min(operation.Length, OperationRecord.OperationMaxLength)],
                JsonSerializer.Serialize(change, Json), now);
            db.OperationRecords.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DbUpdateException && attempt < MaxSaveAttempts)
            {
                // Saved elsewhere meanwhile (another server, an admission), or this very operation by a resend: load
                // again and apply on that (or find it done).
                await line.ForgetAsync();
                continue;
            }

            // The aggregate stays loaded; what was written beside it (its records, history lines) need not.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is not TAggregate && e.Metadata.FindOwnership() is null).ToList())
            {
                entry.State = EntityState.Detached;
            }

            line.Sequence = next;
            line.Saved();
            feed.Publish(new LiveEvent(kind.Name, aggregateId, next, change));
            return new LiveOutcome<TChange>(true, null, next, Change: change);
        }
    }

    private static LiveOutcome<TChange> Refused<TChange>(string error)
        where TChange : class => new(false, error, 0);

    private string RefusalOf(Exception e, string type, string operation)
    {
        switch (e)
        {
            case DomainException domain:
                return domain.Message;
            case ForbiddenException forbidden:
                logger.LogWarning("Refused {Operation} on a {Type}: not allowed", operation, type);
                return forbidden.Message == new ForbiddenException().Message ? Text.Get("Live.NotAllowed") : forbidden.Message;
            case ValidationException invalid:
                return string.Join(" ", invalid.Errors.Select(x => x.ErrorMessage));
            case ConcurrencyConflictException or DbUpdateException:
                logger.LogWarning(e, "{Operation} on a {Type} could not be saved after {Attempts} attempts", operation, type, MaxSaveAttempts);
                return Text.Get("Live.Busy");
            default:
                logger.LogError(e, "{Operation} on a {Type} failed", operation, type);
                return Text.Get("Live.Failed");
        }
    }
}
