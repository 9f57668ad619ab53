using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommunityHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class IdeasAndAsking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notifications_once_per_event",
                table: "notifications");

            migrationBuilder.AddColumn<bool>(
                name: "is_ideas",
                table: "spaces",
                type: "boolean",
                nullable: false,
                defaultValue: false);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "asking_forms");

            migrationBuilder.DropTable(
                name: "idea_status_changes");

            migrationBuilder.DropTable(
                name: "idea_votes");

            migrationBuilder.DropTable(
                name: "ideas");

            migrationBuilder.DropIndex(
                name: "ix_notifications_once_per_event",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "is_ideas",
                table: "spaces");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_once_per_event",
                table: "notifications",
                columns: new[] { "recipient_id", "kind", "thread_id", "post_id", "actor_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }
    }
}
