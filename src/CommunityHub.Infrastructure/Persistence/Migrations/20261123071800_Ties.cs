using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommunityHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Ties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "accepted_answer_post_id",
                table: "threads",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "addressed_to_id",
                table: "posts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "handle",
                table: "members",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            // Members who joined before handles existed get one from their name, made unique by their id.
            migrationBuilder.Sql(
                """
                UPDATE members SET handle =
                    coalesce(nullif(trim(both '-' from left(regexp_replace(lower(display_name), '[^a-z0-9]+', '-', 'g'), 20)), ''), 'member')
                    || '-' || left(replace(id::text, '-', ''), 8)
                WHERE handle = ''
                """);

            migrationBuilder.CreateTable(
                name: "post_mentions",
                columns: table => new
                {
                    post_id = table.Column<long>(type: "bigint", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_post_mentions", x => new { x.post_id, x.member_id });
                    table.ForeignKey(
                        name: "fk_post_mentions_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_post_mentions_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reciprocity_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<short>(type: "smallint", nullable: false),
                    post_id = table.Column<long>(type: "bigint", nullable: false),
                    thread_id = table.Column<long>(type: "bigint", nullable: false),
                    from_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reaction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    retracted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reciprocity_records", x => x.id);
                    table.CheckConstraint("ck_reciprocity_records_not_to_oneself", "from_member_id <> to_member_id");
                    table.ForeignKey(
                        name: "fk_reciprocity_records_members_from_member_id",
                        column: x => x.from_member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_reciprocity_records_members_recorded_by_id",
                        column: x => x.recorded_by_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_reciprocity_records_members_to_member_id",
                        column: x => x.to_member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_reciprocity_records_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_reciprocity_records_threads_thread_id",
                        column: x => x.thread_id,
                        principalTable: "threads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "thread_participants",
                columns: table => new
                {
                    thread_id = table.Column<long>(type: "bigint", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_post_id = table.Column<long>(type: "bigint", nullable: false),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_thread_participants", x => new { x.thread_id, x.member_id });
                    table.ForeignKey(
                        name: "fk_thread_participants_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_thread_participants_posts_first_post_id",
                        column: x => x.first_post_id,
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_thread_participants_threads_thread_id",
                        column: x => x.thread_id,
                        principalTable: "threads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ties",
                columns: table => new
                {
                    member_low_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_high_id = table.Column<Guid>(type: "uuid", nullable: false),
                    as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    first_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    has_direct = table.Column<bool>(type: "boolean", nullable: false),
                    contact = table.Column<double>(type: "double precision", nullable: false),
                    intensity = table.Column<double>(type: "double precision", nullable: false),
                    confiding_low_to_high = table.Column<double>(type: "double precision", nullable: false),
                    confiding_high_to_low = table.Column<double>(type: "double precision", nullable: false),
                    service_low_to_high = table.Column<double>(type: "double precision", nullable: false),
                    service_high_to_low = table.Column<double>(type: "double precision", nullable: false),
                    strength_at_update = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ties", x => new { x.member_low_id, x.member_high_id });
                    table.CheckConstraint("ck_ties_ordered_pair", "member_low_id < member_high_id");
                    table.ForeignKey(
                        name: "fk_ties_members_member_high_id",
                        column: x => x.member_high_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ties_members_member_low_id",
                        column: x => x.member_low_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_threads_accepted_answer_post_id",
                table: "threads",
                column: "accepted_answer_post_id");

            migrationBuilder.CreateIndex(
                name: "ix_posts_addressed_to_id",
                table: "posts",
                column: "addressed_to_id");

            migrationBuilder.CreateIndex(
                name: "ix_posts_author_id_addressed_to_id",
                table: "posts",
                columns: new[] { "author_id", "addressed_to_id" });

            migrationBuilder.CreateIndex(
                name: "ix_members_handle",
                table: "members",
                column: "handle",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_post_mentions_member_id",
                table: "post_mentions",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_reciprocity_records_from_member_id_created_at",
                table: "reciprocity_records",
                columns: new[] { "from_member_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_reciprocity_records_one_accepted_answer_per_thread",
                table: "reciprocity_records",
                column: "thread_id",
                unique: true,
                filter: "retracted_at IS NULL AND kind = 4");

            migrationBuilder.CreateIndex(
                name: "ix_reciprocity_records_one_active_per_giver",
                table: "reciprocity_records",
                columns: new[] { "post_id", "from_member_id", "kind", "reaction" },
                unique: true,
                filter: "retracted_at IS NULL")
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_reciprocity_records_recorded_by_id",
                table: "reciprocity_records",
                column: "recorded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_reciprocity_records_to_member_id_created_at",
                table: "reciprocity_records",
                columns: new[] { "to_member_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_thread_participants_first_post_id",
                table: "thread_participants",
                column: "first_post_id");

            migrationBuilder.CreateIndex(
                name: "ix_thread_participants_member_id",
                table: "thread_participants",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_ties_member_high_id_strength_at_update",
                table: "ties",
                columns: new[] { "member_high_id", "strength_at_update" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_ties_member_low_id_strength_at_update",
                table: "ties",
                columns: new[] { "member_low_id", "strength_at_update" },
                descending: new[] { false, true });

            migrationBuilder.AddForeignKey(
                name: "fk_posts_members_addressed_to_id",
                table: "posts",
                column: "addressed_to_id",
                principalTable: "members",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_threads_posts_accepted_answer_post_id",
                table: "threads",
                column: "accepted_answer_post_id",
                principalTable: "posts",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_posts_members_addressed_to_id",
                table: "posts");

            migrationBuilder.DropForeignKey(
                name: "fk_threads_posts_accepted_answer_post_id",
                table: "threads");

            migrationBuilder.DropTable(
                name: "post_mentions");

            migrationBuilder.DropTable(
                name: "reciprocity_records");

            migrationBuilder.DropTable(
                name: "thread_participants");

            migrationBuilder.DropTable(
                name: "ties");

            migrationBuilder.DropIndex(
                name: "ix_threads_accepted_answer_post_id",
                table: "threads");

            migrationBuilder.DropIndex(
                name: "ix_posts_addressed_to_id",
                table: "posts");

            migrationBuilder.DropIndex(
                name: "ix_posts_author_id_addressed_to_id",
                table: "posts");

            migrationBuilder.DropIndex(
                name: "ix_members_handle",
                table: "members");

            migrationBuilder.DropColumn(
                name: "accepted_answer_post_id",
                table: "threads");

            migrationBuilder.DropColumn(
                name: "addressed_to_id",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "handle",
                table: "members");
        }
    }
}
