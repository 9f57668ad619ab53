using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TieStructureAndWeeks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "active_weeks",
                table: "ties",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<double>(
                name: "embeddedness",
                table: "ties",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "latest_week",
                table: "ties",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "tie_structure_queue",
                columns: table => new
                {
                    member_low_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_high_id = table.Column<Guid>(type: "uuid", nullable: false),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tie_structure_queue", x => new { x.member_low_id, x.member_high_id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tie_structure_queue");

            migrationBuilder.DropColumn(
                name: "active_weeks",
                table: "ties");

            migrationBuilder.DropColumn(
                name: "embeddedness",
                table: "ties");

            migrationBuilder.DropColumn(
                name: "latest_week",
                table: "ties");
        }
    }
}
