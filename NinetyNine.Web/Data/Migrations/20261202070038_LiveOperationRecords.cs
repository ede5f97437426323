using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NinetyNine.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LiveOperationRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OperationRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AggregateType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AggregateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OperationRecords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OperationRecords_AggregateType_AggregateId_OperationId",
                table: "OperationRecords",
                columns: new[] { "AggregateType", "AggregateId", "OperationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OperationRecords_AggregateType_AggregateId_Sequence",
                table: "OperationRecords",
                columns: new[] { "AggregateType", "AggregateId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OperationRecords");
        }
    }
}
