using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class IgnoringCompletionAndAvatars : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "avatar_id",
                table: "members",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "display_name_key",
                table: "members",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true,
                computedColumnSql: "lower(display_name)",
                stored: true);

            migrationBuilder.CreateTable(
                name: "avatars",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_avatars", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ignored_members",
                columns: table => new
                {
                    ignorer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ignored_id = table.Column<Guid>(type: "uuid", nullable: false),
                    since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ignored_members", x => new { x.ignorer_id, x.ignored_id });
                    table.ForeignKey(
                        name: "fk_ignored_members_members_ignored_id",
                        column: x => x.ignored_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ignored_members_members_ignorer_id",
                        column: x => x.ignorer_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_members_avatar_id",
                table: "members",
                column: "avatar_id",
                unique: true,
                filter: "avatar_id IS NOT NULL");

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

            migrationBuilder.CreateIndex(
                name: "ix_avatars_member_id",
                table: "avatars",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_ignored_members_ignored_id",
                table: "ignored_members",
                column: "ignored_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "avatars");

            migrationBuilder.DropTable(
                name: "ignored_members");

            migrationBuilder.DropIndex(
                name: "ix_members_avatar_id",
                table: "members");

            migrationBuilder.DropIndex(
                name: "ix_members_display_name_key",
                table: "members");

            migrationBuilder.DropIndex(
                name: "ix_members_handle_prefix",
                table: "members");

            migrationBuilder.DropColumn(
                name: "display_name_key",
                table: "members");

            migrationBuilder.DropColumn(
                name: "avatar_id",
                table: "members");
        }
    }
}
