using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommunityHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TrustTagsIdeasComposerAndGates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_threads_created_at",
                table: "threads");

            migrationBuilder.DropIndex(
                name: "ix_threads_space_id_created_at",
                table: "threads");

            migrationBuilder.DropIndex(
                name: "ix_notifications_once_per_event",
                table: "notifications");

            migrationBuilder.AddColumn<int>(
                name: "appreciation",
                table: "threads",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "awaiting_approval",
                table: "threads",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "is_ideas",
                table: "spaces",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "members_only",
                table: "spaces",
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
                name: "asking_forms",
                columns: table => new
                {
                    form_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    space_id = table.Column<int>(type: "integer", nullable: false),
                    shown_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    opened_thread_id = table.Column<long>(type: "bigint", nullable: true),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asking_forms", x => x.form_id);
                    table.ForeignKey(
                        name: "fk_asking_forms_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_asking_forms_spaces_space_id",
                        column: x => x.space_id,
                        principalTable: "spaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_asking_forms_threads_opened_thread_id",
                        column: x => x.opened_thread_id,
                        principalTable: "threads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "drafts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    thread_id = table.Column<long>(type: "bigint", nullable: true),
                    space_id = table.Column<int>(type: "integer", nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    body = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drafts", x => x.id);
                    table.CheckConstraint("ck_drafts_one_place", "(thread_id IS NULL) <> (space_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_drafts_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_drafts_spaces_space_id",
                        column: x => x.space_id,
                        principalTable: "spaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_drafts_threads_thread_id",
                        column: x => x.thread_id,
                        principalTable: "threads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "feed_keys",
                columns: table => new
                {
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feed_keys", x => x.member_id);
                    table.ForeignKey(
                        name: "fk_feed_keys_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ideas",
                columns: table => new
                {
                    thread_id = table.Column<long>(type: "bigint", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vote_count = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    status_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status_changed_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    merged_into_thread_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ideas", x => x.thread_id);
                    table.ForeignKey(
                        name: "fk_ideas_threads_merged_into_thread_id",
                        column: x => x.merged_into_thread_id,
                        principalTable: "threads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_ideas_threads_thread_id",
                        column: x => x.thread_id,
                        principalTable: "threads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invites",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    note = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    max_uses = table.Column<int>(type: "integer", nullable: true),
                    uses = table.Column<int>(type: "integer", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invites", x => x.id);
                    table.ForeignKey(
                        name: "fk_invites_members_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "tag_groups",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tag_groups", x => x.id);
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

            migrationBuilder.CreateTable(
                name: "idea_status_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    thread_id = table.Column<long>(type: "bigint", nullable: false),
                    from = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    to = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    changed_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idea_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_idea_status_changes_ideas_thread_id",
                        column: x => x.thread_id,
                        principalTable: "ideas",
                        principalColumn: "thread_id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_idea_status_changes_members_changed_by_id",
                        column: x => x.changed_by_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "idea_votes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    thread_id = table.Column<long>(type: "bigint", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cast_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idea_votes", x => x.id);
                    table.ForeignKey(
                        name: "fk_idea_votes_ideas_thread_id",
                        column: x => x.thread_id,
                        principalTable: "ideas",
                        principalColumn: "thread_id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_idea_votes_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tag_group_requirements",
                columns: table => new
                {
                    group_id = table.Column<int>(type: "integer", nullable: false),
                    space_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tag_group_requirements", x => new { x.group_id, x.space_id });
                    table.ForeignKey(
                        name: "fk_tag_group_requirements_spaces_space_id",
                        column: x => x.space_id,
                        principalTable: "spaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_tag_group_requirements_tag_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "tag_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tags",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    group_id = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tags", x => x.id);
                    table.ForeignKey(
                        name: "fk_tags_tag_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "tag_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "tag_watches",
                columns: table => new
                {
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tag_id = table.Column<int>(type: "integer", nullable: false),
                    since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tag_watches", x => new { x.member_id, x.tag_id });
                    table.ForeignKey(
                        name: "fk_tag_watches_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_tag_watches_tags_tag_id",
                        column: x => x.tag_id,
                        principalTable: "tags",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "thread_tags",
                columns: table => new
                {
                    thread_id = table.Column<long>(type: "bigint", nullable: false),
                    tag_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_thread_tags", x => new { x.thread_id, x.tag_id });
                    table.ForeignKey(
                        name: "fk_thread_tags_tags_tag_id",
                        column: x => x.tag_id,
                        principalTable: "tags",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_thread_tags_threads_thread_id",
                        column: x => x.thread_id,
                        principalTable: "threads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_threads_appreciation_id",
                table: "threads",
                columns: new[] { "appreciation", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_threads_created_at_id",
                table: "threads",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_threads_last_activity_at_id",
                table: "threads",
                columns: new[] { "last_activity_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_threads_space_id_appreciation_id",
                table: "threads",
                columns: new[] { "space_id", "appreciation", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_threads_space_id_created_at_id",
                table: "threads",
                columns: new[] { "space_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_posts_awaiting_approval",
                table: "posts",
                column: "created_at",
                filter: "awaiting_approval AND deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_once_per_event",
                table: "notifications",
                columns: new[] { "recipient_id", "kind", "thread_id", "post_id", "actor_id" },
                unique: true,
                filter: "kind <> 'IdeaStatusChanged'")
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_asking_forms_member_id",
                table: "asking_forms",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_asking_forms_opened_thread_id",
                table: "asking_forms",
                column: "opened_thread_id");

            migrationBuilder.CreateIndex(
                name: "ix_asking_forms_shown_at",
                table: "asking_forms",
                column: "shown_at");

            migrationBuilder.CreateIndex(
                name: "ix_asking_forms_space_id",
                table: "asking_forms",
                column: "space_id");

            migrationBuilder.CreateIndex(
                name: "ix_drafts_member_id_space_id",
                table: "drafts",
                columns: new[] { "member_id", "space_id" },
                unique: true,
                filter: "space_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_drafts_member_id_thread_id",
                table: "drafts",
                columns: new[] { "member_id", "thread_id" },
                unique: true,
                filter: "thread_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_drafts_space_id",
                table: "drafts",
                column: "space_id");

            migrationBuilder.CreateIndex(
                name: "ix_drafts_thread_id",
                table: "drafts",
                column: "thread_id");

            migrationBuilder.CreateIndex(
                name: "ix_feed_keys_key",
                table: "feed_keys",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idea_status_changes_changed_by_id",
                table: "idea_status_changes",
                column: "changed_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_idea_status_changes_thread_id_at",
                table: "idea_status_changes",
                columns: new[] { "thread_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_idea_votes_member_id",
                table: "idea_votes",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_idea_votes_one_standing_per_member",
                table: "idea_votes",
                columns: new[] { "thread_id", "member_id" },
                unique: true,
                filter: "withdrawn_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_idea_votes_thread_id_cast_at",
                table: "idea_votes",
                columns: new[] { "thread_id", "cast_at" });

            migrationBuilder.CreateIndex(
                name: "ix_ideas_merged_into_thread_id",
                table: "ideas",
                column: "merged_into_thread_id");

            migrationBuilder.CreateIndex(
                name: "ix_ideas_status_vote_count",
                table: "ideas",
                columns: new[] { "status", "vote_count" });

            migrationBuilder.CreateIndex(
                name: "ix_invites_code",
                table: "invites",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invites_created_at",
                table: "invites",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_invites_created_by_id",
                table: "invites",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_link_rules_host",
                table: "link_rules",
                column: "host",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tag_group_requirements_space_id",
                table: "tag_group_requirements",
                column: "space_id");

            migrationBuilder.CreateIndex(
                name: "ix_tag_groups_name",
                table: "tag_groups",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tag_watches_tag_id",
                table: "tag_watches",
                column: "tag_id");

            migrationBuilder.CreateIndex(
                name: "ix_tags_group_id",
                table: "tags",
                column: "group_id");

            migrationBuilder.CreateIndex(
                name: "ix_tags_name",
                table: "tags",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_thread_tags_tag_id_thread_id",
                table: "thread_tags",
                columns: new[] { "tag_id", "thread_id" });

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
                name: "asking_forms");

            migrationBuilder.DropTable(
                name: "drafts");

            migrationBuilder.DropTable(
                name: "feed_keys");

            migrationBuilder.DropTable(
                name: "idea_status_changes");

            migrationBuilder.DropTable(
                name: "idea_votes");

            migrationBuilder.DropTable(
                name: "invites");

            migrationBuilder.DropTable(
                name: "link_rules");

            migrationBuilder.DropTable(
                name: "tag_group_requirements");

            migrationBuilder.DropTable(
                name: "tag_watches");

            migrationBuilder.DropTable(
                name: "thread_tags");

            migrationBuilder.DropTable(
                name: "watched_words");

            migrationBuilder.DropTable(
                name: "ideas");

            migrationBuilder.DropTable(
                name: "tags");

            migrationBuilder.DropTable(
                name: "tag_groups");

            migrationBuilder.DropIndex(
                name: "ix_threads_appreciation_id",
                table: "threads");

            migrationBuilder.DropIndex(
                name: "ix_threads_created_at_id",
                table: "threads");

            migrationBuilder.DropIndex(
                name: "ix_threads_last_activity_at_id",
                table: "threads");

            migrationBuilder.DropIndex(
                name: "ix_threads_space_id_appreciation_id",
                table: "threads");

            migrationBuilder.DropIndex(
                name: "ix_threads_space_id_created_at_id",
                table: "threads");

            migrationBuilder.DropIndex(
                name: "ix_posts_awaiting_approval",
                table: "posts");

            migrationBuilder.DropIndex(
                name: "ix_notifications_once_per_event",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "appreciation",
                table: "threads");

            migrationBuilder.DropColumn(
                name: "awaiting_approval",
                table: "threads");

            migrationBuilder.DropColumn(
                name: "is_ideas",
                table: "spaces");

            migrationBuilder.DropColumn(
                name: "members_only",
                table: "spaces");

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

            migrationBuilder.CreateIndex(
                name: "ix_threads_created_at",
                table: "threads",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_threads_space_id_created_at",
                table: "threads",
                columns: new[] { "space_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_once_per_event",
                table: "notifications",
                columns: new[] { "recipient_id", "kind", "thread_id", "post_id", "actor_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }
    }
}
