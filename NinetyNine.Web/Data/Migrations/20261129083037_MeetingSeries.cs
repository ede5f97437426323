using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NinetyNine.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MeetingSeries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "SeriesDate",
                table: "Meetings",
                type: "TEXT",
                nullable: true);

            // Meetings planned before the series existed were all planned on the cadence: each becomes the meeting
            // of its date (the earliest one where a date has several).
            migrationBuilder.Sql(
                "UPDATE Meetings SET SeriesDate = date(StartsAt) WHERE rowid IN " +
                "(SELECT min(rowid) FROM Meetings GROUP BY NetworkId, date(StartsAt))");

            migrationBuilder.AddColumn<int>(
                name: "Standing",
                table: "AgendaItems",
                type: "INTEGER",
                nullable: true);

            // Existing standing items keep their place in the case's standing agenda (matched by their title).
            migrationBuilder.Sql(
                "UPDATE AgendaItems SET Standing = CASE Title " +
                "WHEN 'Aanmelding en toelating van nieuwe deelnemers' THEN 1 " +
                "WHEN 'Updates over de themagroepen vanuit de kartrekkers' THEN 2 " +
                "WHEN 'Communicatie over en zichtbaarheid van het netwerk' THEN 3 " +
                "ELSE 4 END WHERE IsStanding = 1");

            migrationBuilder.DropColumn(
                name: "IsStanding",
                table: "AgendaItems");

            migrationBuilder.CreateTable(
                name: "AgendaTopics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Presenter = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaTopics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaTopics_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_NetworkId_SeriesDate",
                table: "Meetings",
                columns: new[] { "NetworkId", "SeriesDate" },
                unique: true,
                filter: "SeriesDate IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaTopics_AgendaItemId",
                table: "AgendaTopics",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaTopics_Kind_ReferenceId",
                table: "AgendaTopics",
                columns: new[] { "Kind", "ReferenceId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgendaTopics");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_NetworkId_SeriesDate",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "SeriesDate",
                table: "Meetings");

            migrationBuilder.AddColumn<bool>(
                name: "IsStanding",
                table: "AgendaItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("UPDATE AgendaItems SET IsStanding = 1 WHERE Standing IS NOT NULL");

            migrationBuilder.DropColumn(
                name: "Standing",
                table: "AgendaItems");
        }
    }
}
