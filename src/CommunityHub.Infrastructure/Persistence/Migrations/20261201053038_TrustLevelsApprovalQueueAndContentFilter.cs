using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommunityHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TrustLevelsApprovalQueueAndContentFilter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "awaiting_approval",
                table: "threads",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "approval_note",
                table: "posts",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "awaiting_approval",
                table: "posts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "rejected_at",
                table: "posts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "trust_locked_at",
                table: "members",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "link_rules",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    host = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_link_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "watched_words",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    pattern = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_pattern = table.Column<bool>(type: "boolean", nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    replacement = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    message = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_watched_words", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_posts_awaiting_approval",
                table: "posts",
                column: "created_at",
                filter: "awaiting_approval AND deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_link_rules_host",
                table: "link_rules",
                column: "host",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_watched_words_pattern_is_pattern",
                table: "watched_words",
                columns: new[] { "pattern", "is_pattern" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "link_rules");

            migrationBuilder.DropTable(
                name: "watched_words");

            migrationBuilder.DropIndex(
                name: "ix_posts_awaiting_approval",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "awaiting_approval",
                table: "threads");

            migrationBuilder.DropColumn(
                name: "approval_note",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "awaiting_approval",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "rejected_at",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "trust_locked_at",
                table: "members");
        }
    }
}
