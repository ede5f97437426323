using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NinetyNine.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MeetingInUse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // First, before any operation that makes SQLite rebuild a table (the ActionItems key below): a plain column
            // and the statement that fills it.
            migrationBuilder.AddColumn<bool>(
                name: "HoldsOpenActions",
                table: "AgendaItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Items of open actions made before this migration carry the app's own title (in Dutch or English).
            migrationBuilder.Sql("UPDATE AgendaItems SET HoldsOpenActions = 1 WHERE Title IN ('Openstaande actiepunten van het vorige overleg', 'Open action items of the previous meeting');");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ActionItems",
                table: "ActionItems");

            migrationBuilder.DropIndex(
                name: "IX_ActionItems_AgendaItemId",
                table: "ActionItems");

            migrationBuilder.AddColumn<int>(
                name: "ReportJobs",
                table: "AgendaTopics",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReportStatus",
                table: "AgendaTopics",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_ActionItems",
                table: "ActionItems",
                columns: new[] { "AgendaItemId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ActionItems",
                table: "ActionItems");

            migrationBuilder.DropColumn(
                name: "ReportJobs",
                table: "AgendaTopics");

            migrationBuilder.DropColumn(
                name: "ReportStatus",
                table: "AgendaTopics");

            migrationBuilder.DropColumn(
                name: "HoldsOpenActions",
                table: "AgendaItems");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ActionItems",
                table: "ActionItems",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_AgendaItemId",
                table: "ActionItems",
                column: "AgendaItemId");
        }
    }
}
