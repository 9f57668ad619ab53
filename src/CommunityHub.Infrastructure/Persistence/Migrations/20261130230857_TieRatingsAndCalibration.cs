using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommunityHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TieRatingsAndCalibration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "answers_tie_questions",
                table: "tie_preferences",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_tie_question_at",
                table: "tie_preferences",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "may_be_asked_for_help",
                table: "tie_preferences",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "tie_model_fits",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    fitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ratings = table.Column<int>(type: "integer", nullable: false),
                    raters = table.Column<int>(type: "integer", nullable: false),
                    intimacy_weight = table.Column<double>(type: "double precision", nullable: false),
                    time_weight = table.Column<double>(type: "double precision", nullable: false),
                    services_weight = table.Column<double>(type: "double precision", nullable: false),
                    emotion_weight = table.Column<double>(type: "double precision", nullable: false),
                    structure_weight = table.Column<double>(type: "double precision", nullable: false),
                    strong_tie_floor = table.Column<double>(type: "double precision", nullable: false),
                    held_out_current = table.Column<double>(type: "double precision", nullable: true),
                    held_out_fitted = table.Column<double>(type: "double precision", nullable: true),
                    adopted = table.Column<bool>(type: "boolean", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    triggered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    triggered_by_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tie_model_fits", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tie_ratings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    rater_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rated_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rating = table.Column<int>(type: "integer", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tie_ratings", x => x.id);
                    table.CheckConstraint("ck_tie_ratings_scale", "rating BETWEEN 0 AND 4");
                    table.ForeignKey(
                        name: "fk_tie_ratings_members_rated_id",
                        column: x => x.rated_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_tie_ratings_members_rater_id",
                        column: x => x.rater_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tie_model_fits_adopted_fitted_at",
                table: "tie_model_fits",
                columns: new[] { "adopted", "fitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tie_ratings_rated_id",
                table: "tie_ratings",
                column: "rated_id");

            migrationBuilder.CreateIndex(
                name: "ix_tie_ratings_rater_id_rated_id",
                table: "tie_ratings",
                columns: new[] { "rater_id", "rated_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tie_model_fits");

            migrationBuilder.DropTable(
                name: "tie_ratings");

            migrationBuilder.DropColumn(
                name: "answers_tie_questions",
                table: "tie_preferences");

            migrationBuilder.DropColumn(
                name: "last_tie_question_at",
                table: "tie_preferences");

            migrationBuilder.DropColumn(
                name: "may_be_asked_for_help",
                table: "tie_preferences");
        }
    }
}
