using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommunityHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StaffAndModeration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "is_closed",
                table: "threads",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "is_locked",
                table: "threads",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "official_answer_post_id",
                table: "threads",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "posts",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<string>(
                name: "badge",
                table: "members",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<bool>(
                name: "is_banned",
                table: "members",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "sanction_reason",
                table: "members",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "suspended_until",
                table: "members",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "title",
                table: "members",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "community_values",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    body_html = table.Column<string>(type: "text", nullable: false),
                    updated_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_community_values", x => x.id);
                    table.CheckConstraint("ck_community_values_one_row", "id = 1");
                    table.ForeignKey(
                        name: "fk_community_values_members_updated_by_id",
                        column: x => x.updated_by_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "flags",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    post_id = table.Column<long>(type: "bigint", nullable: false),
                    reporter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    resolution = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flags", x => x.id);
                    table.ForeignKey(
                        name: "fk_flags_members_reporter_id",
                        column: x => x.reporter_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_flags_members_resolved_by_id",
                        column: x => x.resolved_by_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_flags_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "moderation_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    moderator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    thread_id = table.Column<long>(type: "bigint", nullable: true),
                    post_id = table.Column<long>(type: "bigint", nullable: true),
                    member_id = table.Column<Guid>(type: "uuid", nullable: true),
                    space_id = table.Column<int>(type: "integer", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    detail = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_moderation_log", x => x.id);
                    table.ForeignKey(
                        name: "fk_moderation_log_members_moderator_id",
                        column: x => x.moderator_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "post_revisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    post_id = table.Column<long>(type: "bigint", nullable: false),
                    body = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    body_html = table.Column<string>(type: "text", nullable: false),
                    written_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    replaced_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    replaced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_post_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_post_revisions_members_replaced_by_id",
                        column: x => x.replaced_by_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_post_revisions_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_threads_official_answer_post_id",
                table: "threads",
                column: "official_answer_post_id");

            migrationBuilder.CreateIndex(
                name: "ix_members_badge",
                table: "members",
                column: "badge",
                filter: "badge <> 'None'");

            migrationBuilder.CreateIndex(
                name: "ix_community_values_updated_by_id",
                table: "community_values",
                column: "updated_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_flags_open_oldest_first",
                table: "flags",
                columns: new[] { "created_at", "id" },
                filter: "resolved_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_flags_post_id_reporter_id",
                table: "flags",
                columns: new[] { "post_id", "reporter_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_flags_reporter_id",
                table: "flags",
                column: "reporter_id");

            migrationBuilder.CreateIndex(
                name: "ix_flags_resolved_by_id",
                table: "flags",
                column: "resolved_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_moderation_log_action_id",
                table: "moderation_log",
                columns: new[] { "action", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_moderation_log_member_id_id",
                table: "moderation_log",
                columns: new[] { "member_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_moderation_log_moderator_id_id",
                table: "moderation_log",
                columns: new[] { "moderator_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_post_revisions_post_id_id",
                table: "post_revisions",
                columns: new[] { "post_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_post_revisions_replaced_by_id",
                table: "post_revisions",
                column: "replaced_by_id");

            migrationBuilder.AddForeignKey(
                name: "fk_threads_posts_official_answer_post_id",
                table: "threads",
                column: "official_answer_post_id",
                principalTable: "posts",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_threads_posts_official_answer_post_id",
                table: "threads");

            migrationBuilder.DropTable(
                name: "community_values");

            migrationBuilder.DropTable(
                name: "flags");

            migrationBuilder.DropTable(
                name: "moderation_log");

            migrationBuilder.DropTable(
                name: "post_revisions");

            migrationBuilder.DropIndex(
                name: "ix_threads_official_answer_post_id",
                table: "threads");

            migrationBuilder.DropIndex(
                name: "ix_members_badge",
                table: "members");

            migrationBuilder.DropColumn(
                name: "is_closed",
                table: "threads");

            migrationBuilder.DropColumn(
                name: "is_locked",
                table: "threads");

            migrationBuilder.DropColumn(
                name: "official_answer_post_id",
                table: "threads");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "badge",
                table: "members");

            migrationBuilder.DropColumn(
                name: "is_banned",
                table: "members");

            migrationBuilder.DropColumn(
                name: "sanction_reason",
                table: "members");

            migrationBuilder.DropColumn(
                name: "suspended_until",
                table: "members");

            migrationBuilder.DropColumn(
                name: "title",
                table: "members");
        }
    }
}
