using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NinetyNine.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RoleHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rebuilt by hand: existing roles keep their data and get a key each (EF's own rebuild would give them all 0).
            migrationBuilder.Sql(
                "CREATE TABLE \"ef_temp_RoleAssignments\" (" +
                "\"Id\" INTEGER NOT NULL CONSTRAINT \"PK_RoleAssignments\" PRIMARY KEY AUTOINCREMENT, " +
                "\"NetworkId\" TEXT NOT NULL, \"PersonId\" TEXT NOT NULL, \"Role\" INTEGER NOT NULL, \"Since\" TEXT NOT NULL, \"Until\" TEXT NULL, " +
                "CONSTRAINT \"FK_RoleAssignments_Networks_NetworkId\" FOREIGN KEY (\"NetworkId\") REFERENCES \"Networks\" (\"Id\") ON DELETE CASCADE);");
            migrationBuilder.Sql(
                "INSERT INTO \"ef_temp_RoleAssignments\" (\"NetworkId\", \"PersonId\", \"Role\", \"Since\") " +
                "SELECT \"NetworkId\", \"PersonId\", \"Role\", \"Since\" FROM \"RoleAssignments\";");
            migrationBuilder.Sql("DROP TABLE \"RoleAssignments\";");
            migrationBuilder.Sql("ALTER TABLE \"ef_temp_RoleAssignments\" RENAME TO \"RoleAssignments\";");

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_NetworkId_PersonId_Role",
                table: "RoleAssignments",
                columns: new[] { "NetworkId", "PersonId", "Role" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_RoleAssignments",
                table: "RoleAssignments");

            migrationBuilder.DropIndex(
                name: "IX_RoleAssignments_NetworkId_PersonId_Role",
                table: "RoleAssignments");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "RoleAssignments");

            migrationBuilder.DropColumn(
                name: "Until",
                table: "RoleAssignments");

            migrationBuilder.AddPrimaryKey(
                name: "PK_RoleAssignments",
                table: "RoleAssignments",
                columns: new[] { "NetworkId", "PersonId", "Role" });
        }
    }
}
