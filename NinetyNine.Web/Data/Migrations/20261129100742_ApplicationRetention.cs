using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NinetyNine.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApplicationRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AnonymisedAt",
                table: "Applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EndedAt",
                table: "Applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_AnonymisedAt",
                table: "Applications",
                columns: new[] { "Status", "AnonymisedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_Status_AnonymisedAt",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "Applications");
        }
    }
}
