using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommunityHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class HelpAsks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "help_asks",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    thread_id = table.Column<long>(type: "bigint", nullable: false),
                    asked_id = table.Column<Guid>(type: "uuid", nullable: false),
                    asked_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    asked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    tie_strength = table.Column<double>(type: "double precision", nullable: false),
                    strong_tie = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_help_asks", x => x.id);
                    table.ForeignKey(
                        name: "fk_help_asks_members_asked_by_id",
                        column: x => x.asked_by_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_help_asks_members_asked_id",
                        column: x => x.asked_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_help_asks_threads_thread_id",
                        column: x => x.thread_id,
                        principalTable: "threads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_help_asks_asked_by_id",
                table: "help_asks",
                column: "asked_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_help_asks_asked_id",
                table: "help_asks",
                column: "asked_id");

            migrationBuilder.CreateIndex(
                name: "ix_help_asks_thread_id_asked_id",
                table: "help_asks",
                columns: new[] { "thread_id", "asked_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "help_asks");
        }
    }
}
