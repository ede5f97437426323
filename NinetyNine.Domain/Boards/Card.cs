using NinetyNine.Domain.Common;
using NinetyNine.Domain.Networks;

namespace NinetyNine.Domain.Boards;

/// <summary>How the work of a card is paid for: the employers arrange their own funding.</summary>
public enum FundingStatus
{
    NotNeeded = 1,
    BeingArranged = 2,
    Arranged = 3,
}

/// <summary>
/// The fields of a card a person edits together. A stale edit is detected per field (see <see cref="Board.EditCard"/>):
/// what the person saw, what they want, and what is there now.
/// </summary>
public sealed record CardFields(
    string Title,
    string Description,
    PersonId? OwnerId,
    DateOnly? DueOn,
    IReadOnlyList<EmployerId> Employers,
    IReadOnlyList<string> Stakeholders,
    IReadOnlyList<string> Labels,
    FundingStatus Funding,
    EmployerId? FundedBy,
    decimal? FundingAmount)
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4_000;
    public const int TagMaxLength = 60;
    public const int MaxTags = 12;

    /// <summary>The stakeholders the form offers; others may be typed.</summary>
    public static IReadOnlyList<string> CommonStakeholders { get; } = ["gemeente", "wethouder", "UWV", "werkgeversservicepunt", "SW-bedrijf", "onderwijs"];

    public static CardFields New(string title) => new(title, string.Empty, null, null, [], [], [], FundingStatus.NotNeeded, null, null);

    /// <summary>The names of the fields, as conflicts and the activity history name them.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [nameof(Title), nameof(Description), nameof(OwnerId), nameof(DueOn), nameof(Employers), nameof(Stakeholders), nameof(Labels), nameof(Funding), nameof(FundedBy), nameof(FundingAmount)];

    /// <summary>The value of one field, comparable with <see cref="SameValue"/>.</summary>
    public object? Get(string field) => field switch
    {
        nameof(Title) => Title,
        nameof(Description) => Description,
        nameof(OwnerId) => OwnerId,
        nameof(DueOn) => DueOn,
        nameof(Employers) => Employers,
        nameof(Stakeholders) => Stakeholders,
        nameof(Labels) => Labels,
        nameof(Funding) => Funding,
        nameof(FundedBy) => FundedBy,
        nameof(FundingAmount) => FundingAmount,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>A copy with one field taken from <paramref name="other"/>.</summary>
    public CardFields With(string field, CardFields other) => field switch
    {
        nameof(Title) => this with { Title = other.Title },
        nameof(Description) => this with { Description = other.Description },
        nameof(OwnerId) => this with { OwnerId = other.OwnerId },
        nameof(DueOn) => this with { DueOn = other.DueOn },
        nameof(Employers) => this with { Employers = other.Employers },
        nameof(Stakeholders) => this with { Stakeholders = other.Stakeholders },
        nameof(Labels) => this with { Labels = other.Labels },
        nameof(Funding) => this with { Funding = other.Funding },
        nameof(FundedBy) => this with { FundedBy = other.FundedBy },
        nameof(FundingAmount) => this with { FundingAmount = other.FundingAmount },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    public static bool SameValue(object? a, object? b) => (a, b) switch
    {
        (IEnumerable<EmployerId> x, IEnumerable<EmployerId> y) => x.Select(e => e.Value).Order().SequenceEqual(y.Select(e => e.Value).Order()),
        (IEnumerable<string> x, IEnumerable<string> y) => x.SequenceEqual(y, StringComparer.Ordinal),
        _ => Equals(a, b),
    };

    /// <summary>
    /// The owner is a person and the employers (and who funds it) are employers of <paramref name="network"/>: an id
    /// from elsewhere, or made up, is refused. What the card already holds (<paramref name="current"/>) stays allowed,
    /// so a person who left does not block an edit of the title.
    /// </summary>
    public CardFields EnsurePartOf(Network network, CardFields? current = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (OwnerId is { } owner && owner != current?.OwnerId && network.People.All(p => p.Id != owner))
        {
            throw new DomainException("Board.OwnerNotInNetwork");
        }

        var known = network.Employers.Select(e => e.Id).Concat(current?.Employers ?? []).ToHashSet();
        if (current?.FundedBy is { } funded)
        {
            known.Add(funded);
        }

        if (Employers.Any(e => !known.Contains(e)) || (FundedBy is { } funder && !known.Contains(funder)))
        {
            throw new DomainException("Board.EmployerNotInNetwork");
        }

        return this;
    }

    /// <summary>Trims and checks every field; throws a <see cref="DomainException"/> naming the first bad one.</summary>
    public CardFields Normalised()
    {
        if (!Enum.IsDefined(Funding))
        {
            throw new DomainException("Board.UnknownFunding");
        }

        if (FundingAmount is < 0 or > 10_000_000)
        {
            throw new DomainException("Board.FundingAmount");
        }

        return this with
        {
            Title = Guard.Text(Title, TitleMaxLength, "Field.CardTitle"),
            Description = Guard.OptionalText(Description, DescriptionMaxLength, "Field.CardDescription") ?? string.Empty,
            Employers = [.. Employers.Distinct()],
            Stakeholders = Tags(Stakeholders, "Field.Stakeholders"),
            Labels = Tags(Labels, "Field.Labels"),
            FundedBy = Funding == FundingStatus.NotNeeded ? null : FundedBy,
            FundingAmount = Funding == FundingStatus.NotNeeded ? null : FundingAmount,
        };
    }

    private static List<string> Tags(IEnumerable<string> tags, string field)
    {
        var list = tags.Select(t => t?.Trim() ?? string.Empty).Where(t => !TextRules.IsBlank(t)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var tag in list)
        {
            TextRules.EnsureNoForbiddenCharacters(tag, field);
        }

        if (list.Count > MaxTags)
        {
            throw new DomainException("Board.TooManyTags", Text.Get(field), MaxTags);
        }

        return list.Any(t => t.Length > TagMaxLength) ? throw new DomainException("Text.TooLong", Text.Get(field), TagMaxLength) : list;
    }
}

/// <summary>One line of a card's checklist.</summary>
public sealed record ChecklistEntry(Guid Id, string Text, bool Done)
{
    public const int TextMaxLength = 200;
    public const int MaxEntries = 30;
}

/// <summary>A comment on a card, with its author and time.</summary>
public sealed class CardComment
{
    public const int TextMaxLength = 2_000;

    private CardComment()
    {
    }

    internal CardComment(PersonId author, string authorName, string text, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        AuthorId = author;
        AuthorName = authorName;
        Text = Guard.Text(text, TextMaxLength, "Field.Comment");
        At = at;
    }

    public Guid Id { get; private set; }
    public PersonId AuthorId { get; private set; }
    public string AuthorName { get; private set; } = string.Empty;
    public string Text { get; private set; } = string.Empty;
    public DateTimeOffset At { get; private set; }
}

/// <summary>A question for the network's pro bono lawyers on a card, and their answer, kept with the card.</summary>
public sealed record LegalAdvice(string Question, string AskedBy, DateTimeOffset AskedAt, string? Answer = null, string? AnsweredBy = null, DateTimeOffset? AnsweredAt = null)
{
    public const int TextMaxLength = 4_000;

    public bool IsOpen => Answer is null;
}

/// <summary>The core group meeting action item a card was made from.</summary>
public sealed record CardOrigin(Guid MeetingId, Guid ActionId, string ActionText, DateTime MeetingStartsAt, string? DecisionText);

/// <summary>A piece of work on a theme group's board. Changed only through its <see cref="Board"/>.</summary>
public sealed class Card
{
    private readonly List<CardComment> _comments = [];

    private Card()
    {
    }

    internal Card(ColumnId column, int position, CardFields fields, PersonId by, DateTimeOffset now)
    {
        Id = CardId.New();
        ColumnId = column;
        Position = position;
        Fields = fields;
        CreatedBy = by;
        CreatedAt = now;
        Revision = 1;
    }

    public CardId Id { get; private set; }
    public ColumnId ColumnId { get; internal set; }

    /// <summary>Place in its column, from 0; dense and unique among the column's cards that are not archived.</summary>
    public int Position { get; internal set; }

    public CardFields Fields { get; internal set; } = CardFields.New("?");
    public IReadOnlyList<ChecklistEntry> Checklist { get; internal set; } = [];
    public IReadOnlyList<CardComment> Comments => _comments.AsReadOnly();
    /// <summary>The card's current legal question, open or answered.</summary>
    public LegalAdvice? LegalAdvice { get; internal set; }

    /// <summary>The answered questions that came before <see cref="LegalAdvice"/>, oldest first: a new question never loses an answer.</summary>
    public IReadOnlyList<LegalAdvice> EarlierLegalAdvice { get; internal set; } = [];

    public CardOrigin? Origin { get; internal set; }
    public bool IsArchived { get; internal set; }
    public PersonId CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Grows with every change of the card; a client names the revision it edited.</summary>
    public int Revision { get; internal set; }

    /// <summary>A question for the lawyers may be put: the card is not archived and has no question waiting for an answer.</summary>
    public bool AcceptsLegalQuestion => !IsArchived && LegalAdvice is not { IsOpen: true };

    public bool IsOverdue(DateOnly today) => !IsArchived && Fields.DueOn is { } due && due < today;

    internal void AddComment(CardComment comment) => _comments.Add(comment);
}
