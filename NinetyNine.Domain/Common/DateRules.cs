using System.Globalization;

namespace NinetyNine.Domain.Common;

/// <summary>
/// The sane range of every date people give the domain (a meeting's start, a due date, a decision's date): from
/// <see cref="YearsBefore"/> years before to <see cref="YearsAfter"/> years after today. A typo such as 9999-12-31 is
/// refused with a message naming the range, instead of breaking every page that shows or exports the date.
/// </summary>
public static class DateRules
{
    public const int YearsBefore = 2;
    public const int YearsAfter = 5;

    public static DateOnly Earliest(DateOnly today) => today.AddYears(-YearsBefore);

    public static DateOnly Latest(DateOnly today) => today.AddYears(YearsAfter);

    public static bool IsSane(DateOnly date, DateOnly today) => date >= Earliest(today) && date <= Latest(today);

    public static bool IsSane(DateTime date, DateTime now) => IsSane(DateOnly.FromDateTime(date), DateOnly.FromDateTime(now));

    /// <summary>The message for a date outside the range, naming the field and both ends (written as the message's language writes dates).</summary>
    public static string Message(string field, DateOnly today) =>
        Text.Get("Date.OutOfRange", Text.Get(field), Format(Earliest(today)), Format(Latest(today)));

    public static void Ensure(DateOnly date, DateOnly today, string field)
    {
        if (!IsSane(date, today))
        {
            throw new DomainException("Date.OutOfRange", Text.Get(field), Format(Earliest(today)), Format(Latest(today)));
        }
    }

    /// <summary>
    /// The range of the day an employer joined: it may have joined long before the app existed (up to
    /// <see cref="JoinedYearsBefore"/> years ago), and may be registered up to a year ahead, not years away.
    /// </summary>
    public const int JoinedYearsBefore = 30;

    public static bool IsSaneJoinDate(DateOnly date, DateOnly today) => date >= today.AddYears(-JoinedYearsBefore) && date <= today.AddYears(1);

    public static string JoinDateMessage(DateOnly today) =>
        Text.Get("Date.OutOfRange", Text.Get("Field.JoinedOn"), Format(today.AddYears(-JoinedYearsBefore)), Format(today.AddYears(1)));

    public static void EnsureJoinDate(DateOnly date, DateOnly today)
    {
        if (!IsSaneJoinDate(date, today))
        {
            throw new DomainException("Date.OutOfRange", Text.Get("Field.JoinedOn"), Format(today.AddYears(-JoinedYearsBefore)), Format(today.AddYears(1)));
        }
    }

    private static string Format(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentUICulture);

    public static void Ensure(DateTime date, DateTime now, string field) => Ensure(DateOnly.FromDateTime(date), DateOnly.FromDateTime(now), field);
}
