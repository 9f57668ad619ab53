using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommunityHub.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AccountsTieModelAndOrganisations : Migration
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

            migrationBuilder.AddColumn<string>(
                name: "bio",
                table: "members",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "organisation",
                table: "members",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "time_zone",
                table: "members",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "website",
                table: "members",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "account_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    detail = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_account_events_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "former_handles",
                columns: table => new
                {
                    handle = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_former_handles", x => x.handle);
                    table.ForeignKey(
                        name: "fk_former_handles_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sign_in_sessions",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ticket = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    device = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_in_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_sign_in_sessions_users_member_id",
                        column: x => x.member_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "tie_preferences",
                columns: table => new
                {
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    shows_frequent_contacts = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answers_tie_questions = table.Column<bool>(type: "boolean", nullable: false),
                    last_tie_question_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    may_be_asked_for_help = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tie_preferences", x => x.member_id);
                    table.ForeignKey(
                        name: "fk_tie_preferences_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateTable(
                name: "organisation_domains",
                columns: table => new
                {
                    domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    organisation_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisation_domains", x => x.domain);
                    table.ForeignKey(
                        name: "fk_organisation_domains_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "organisation_members",
                columns: table => new
                {
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisation_members", x => x.member_id);
                    table.ForeignKey(
                        name: "fk_organisation_members_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_organisation_members_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_account_events_member_id_id",
                table: "account_events",
                columns: new[] { "member_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_former_handles_member_id",
                table: "former_handles",
                column: "member_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_organisation_domains_organisation_id",
                table: "organisation_domains",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_organisation_members_organisation_id",
                table: "organisation_members",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_name",
                table: "organisations",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sign_in_sessions_expires_at",
                table: "sign_in_sessions",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_sign_in_sessions_member_id",
                table: "sign_in_sessions",
                column: "member_id");

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
                name: "account_events");

            migrationBuilder.DropTable(
                name: "former_handles");

            migrationBuilder.DropTable(
                name: "help_asks");

            migrationBuilder.DropTable(
                name: "organisation_domains");

            migrationBuilder.DropTable(
                name: "organisation_members");

            migrationBuilder.DropTable(
                name: "sign_in_sessions");

            migrationBuilder.DropTable(
                name: "tie_model_fits");

            migrationBuilder.DropTable(
                name: "tie_preferences");

            migrationBuilder.DropTable(
                name: "tie_ratings");

            migrationBuilder.DropTable(
                name: "tie_structure_queue");

            migrationBuilder.DropTable(
                name: "organisations");

            migrationBuilder.DropColumn(
                name: "active_weeks",
                table: "ties");

            migrationBuilder.DropColumn(
                name: "embeddedness",
                table: "ties");

            migrationBuilder.DropColumn(
                name: "latest_week",
                table: "ties");

            migrationBuilder.DropColumn(
                name: "bio",
                table: "members");

            migrationBuilder.DropColumn(
                name: "organisation",
                table: "members");

            migrationBuilder.DropColumn(
                name: "time_zone",
                table: "members");

            migrationBuilder.DropColumn(
                name: "website",
                table: "members");
        }
    }
}
