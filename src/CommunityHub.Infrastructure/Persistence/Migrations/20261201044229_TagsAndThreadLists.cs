using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommunityHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TagsAndThreadLists : Migration
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

            migrationBuilder.AddColumn<int>(
                name: "appreciation",
                table: "threads",
                type: "integer",
                nullable: false,
                defaultValue: 0);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tag_group_requirements");

            migrationBuilder.DropTable(
                name: "tag_watches");

            migrationBuilder.DropTable(
                name: "thread_tags");

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

            migrationBuilder.DropColumn(
                name: "appreciation",
                table: "threads");

            migrationBuilder.CreateIndex(
                name: "ix_threads_created_at",
                table: "threads",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_threads_space_id_created_at",
                table: "threads",
                columns: new[] { "space_id", "created_at" });
        }
    }
}
