using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NinetyNine.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class NetworkSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ArchivedOn",
                table: "ThemeGroups",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Cadence_Mode",
                table: "Networks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<string>(
                name: "Cadence_ModeDetails",
                table: "Networks",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Networks",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StandingAgenda",
                table: "Networks",
                type: "TEXT",
                nullable: false,
                // Existing networks keep the case's four standing items.
                defaultValue: "[{\"Title\":\"Aanmelding en toelating van nieuwe deelnemers\",\"Kind\":1},{\"Title\":\"Updates over de themagroepen vanuit de kartrekkers\",\"Kind\":2},{\"Title\":\"Communicatie over en zichtbaarheid van het netwerk\",\"Kind\":3},{\"Title\":\"Verdere ontwikkelingen en behoeften\",\"Kind\":4}]");

            // Existing networks keep meeting the way their latest regular meeting was held.
            migrationBuilder.Sql(
                "UPDATE Networks SET "
                + "Cadence_Mode = COALESCE((SELECT m.Mode FROM Meetings m WHERE m.NetworkId = Networks.Id AND m.SeriesDate IS NOT NULL ORDER BY m.StartsAt DESC LIMIT 1), 2), "
                + "Cadence_ModeDetails = (SELECT m.ModeDetails FROM Meetings m WHERE m.NetworkId = Networks.Id AND m.SeriesDate IS NOT NULL ORDER BY m.StartsAt DESC LIMIT 1);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ArchivedOn",
                table: "ThemeGroups");

            migrationBuilder.DropColumn(
                name: "Cadence_Mode",
                table: "Networks");

            migrationBuilder.DropColumn(
                name: "Cadence_ModeDetails",
                table: "Networks");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "Networks");

            migrationBuilder.DropColumn(
                name: "StandingAgenda",
                table: "Networks");
        }
    }
}
