using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NinetyNine.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AgendaOnLiveCore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The agenda's change log joins the one table of operation records: its sequences go on where they were, and
            // an operation resent after the upgrade is still recognised.
            migrationBuilder.Sql(
                """
                INSERT INTO "OperationRecords" ("AggregateType", "AggregateId", "Sequence", "OperationId", "Operation", "Payload", "At")
                SELECT 'meeting', "MeetingId", "Sequence", "OperationId", 'Legacy', "Payload", "At" FROM "MeetingChanges"
                """);
            migrationBuilder.DropTable(
                name: "MeetingChanges");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MeetingChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingChanges_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingChanges_MeetingId_OperationId",
                table: "MeetingChanges",
                columns: new[] { "MeetingId", "OperationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingChanges_MeetingId_Sequence",
                table: "MeetingChanges",
                columns: new[] { "MeetingId", "Sequence" },
                unique: true);
        }
    }
}
