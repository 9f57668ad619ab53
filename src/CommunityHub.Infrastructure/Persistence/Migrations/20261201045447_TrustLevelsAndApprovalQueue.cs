using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TrustLevelsAndApprovalQueue : Migration
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

            migrationBuilder.CreateIndex(
                name: "ix_posts_awaiting_approval",
                table: "posts",
                column: "created_at",
                filter: "awaiting_approval AND deleted_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
