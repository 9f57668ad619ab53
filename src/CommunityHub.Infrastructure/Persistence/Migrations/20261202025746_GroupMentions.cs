using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class GroupMentions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int[]>(
                name: "mentioned_group_ids",
                table: "posts",
                type: "integer[]",
                nullable: false,
                defaultValueSql: "'{}'::integer[]");

            migrationBuilder.AddColumn<string>(
                name: "mention_handle",
                table: "member_groups",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "mentionable_by",
                table: "member_groups",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_member_groups_mention_handle",
                table: "member_groups",
                column: "mention_handle",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_member_groups_mention_handle",
                table: "member_groups");

            migrationBuilder.DropColumn(
                name: "mentioned_group_ids",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "mention_handle",
                table: "member_groups");

            migrationBuilder.DropColumn(
                name: "mentionable_by",
                table: "member_groups");
        }
    }
}
