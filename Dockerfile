# syntax=docker/dockerfile:1

# ---- Build ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Build settings and project files first, so the restore layer is reused until a dependency changes.
# .editorconfig is needed because EnforceCodeStyleInBuild (with TreatWarningsAsErrors) reads it.
COPY Directory.Build.props Directory.Packages.props global.json .editorconfig CommunityHub.sln ./
COPY src/CommunityHub.Domain/CommunityHub.Domain.csproj src/CommunityHub.Domain/
COPY src/CommunityHub.Application/CommunityHub.Application.csproj src/CommunityHub.Application/
COPY src/CommunityHub.Infrastructure/CommunityHub.Infrastructure.csproj src/CommunityHub.Infrastructure/
COPY src/CommunityHub.Web/CommunityHub.Web.csproj src/CommunityHub.Web/
RUN dotnet restore src/CommunityHub.Web/CommunityHub.Web.csproj

COPY src/ src/
RUN dotnet publish src/CommunityHub.Web -c Release -o /app --no-restore

# ---- Runtime ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .

# Plain HTTP on an unprivileged port; TLS belongs to a reverse proxy in front.
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080

# The image's non-root "app" user. No HEALTHCHECK: the image has no curl; compose or the orchestrator can probe /health.
USER $APP_UID

ENTRYPOINT ["dotnet", "CommunityHub.Web.dll"]
