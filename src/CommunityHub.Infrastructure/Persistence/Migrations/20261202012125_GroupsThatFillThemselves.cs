using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class GroupsThatFillThemselves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "email_domain_list",
                table: "member_groups",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "sign_in_group",
                table: "member_groups",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "group_members",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                // Every membership before this migration was an admin's.
                defaultValue: "Admin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "email_domain_list",
                table: "member_groups");

            migrationBuilder.DropColumn(
                name: "sign_in_group",
                table: "member_groups");

            migrationBuilder.DropColumn(
                name: "source",
                table: "group_members");
        }
    }
}
