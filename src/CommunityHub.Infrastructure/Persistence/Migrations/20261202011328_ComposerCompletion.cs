using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ComposerCompletion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "display_name_key",
                table: "members",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true,
                computedColumnSql: "lower(display_name)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_members_display_name_key",
                table: "members",
                column: "display_name_key")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_members_handle_prefix",
                table: "members",
                column: "handle")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_members_display_name_key",
                table: "members");

            migrationBuilder.DropIndex(
                name: "ix_members_handle_prefix",
                table: "members");

            migrationBuilder.DropColumn(
                name: "display_name_key",
                table: "members");
        }
    }
}
