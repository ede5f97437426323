using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NinetyNine.Domain.Common;

namespace NinetyNine.Web.Data;

// Strongly typed ids are stored as their Guid.
internal sealed class NetworkIdConverter() : ValueConverter<NetworkId, Guid>(v => v.Value, v => new NetworkId(v));
internal sealed class PersonIdConverter() : ValueConverter<PersonId, Guid>(v => v.Value, v => new PersonId(v));
internal sealed class EmployerIdConverter() : ValueConverter<EmployerId, Guid>(v => v.Value, v => new EmployerId(v));
internal sealed class ThemeGroupIdConverter() : ValueConverter<ThemeGroupId, Guid>(v => v.Value, v => new ThemeGroupId(v));
internal sealed class ApplicationIdConverter() : ValueConverter<ApplicationId, Guid>(v => v.Value, v => new ApplicationId(v));
internal sealed class MeetingIdConverter() : ValueConverter<MeetingId, Guid>(v => v.Value, v => new MeetingId(v));
internal sealed class AgendaItemIdConverter() : ValueConverter<AgendaItemId, Guid>(v => v.Value, v => new AgendaItemId(v));
internal sealed class KvkNumberConverter() : ValueConverter<KvkNumber, string>(v => v.Value, v => KvkNumber.Parse(v));
internal sealed class EmailAddressConverter() : ValueConverter<EmailAddress, string>(v => v.Value, v => EmailAddress.Parse(v));
internal sealed class OnboardingChecklistIdConverter() : ValueConverter<OnboardingChecklistId, Guid>(v => v.Value, v => new OnboardingChecklistId(v));
internal sealed class BoardIdConverter() : ValueConverter<BoardId, Guid>(v => v.Value, v => new BoardId(v));
internal sealed class CardIdConverter() : ValueConverter<CardId, Guid>(v => v.Value, v => new CardId(v));
internal sealed class ColumnIdConverter() : ValueConverter<ColumnId, Guid>(v => v.Value, v => new ColumnId(v));
