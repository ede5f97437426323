using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NinetyNine.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LegalAdviceHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing cards have no earlier questions: an empty JSON list.
            migrationBuilder.AddColumn<string>(
                name: "EarlierLegalAdvice",
                table: "BoardCards",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EarlierLegalAdvice",
                table: "BoardCards");
        }
    }
}
