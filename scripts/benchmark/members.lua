-- wrk script for scripts/benchmark.sh. Arguments (after wrk's "--"):
--   <mode> <max responses per wrk thread> [members file] [run salt] [form fields]
-- mode "anonymous": plain GETs. mode "signed-in": GETs, each request as the next member of the members file
-- (one "cookie<TAB>form token" line per signed-in member). mode "reply": the reply form POSTed by the members
-- in turn, each with its own cookie and form token, a fresh SubmissionId and the form's other fields.
-- Every wrk thread stops after its share of responses, so a run is bounded in count as well as in time.

local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("id", threads)
end

local members = {}
local mode, cap, salt, fields
local sent, received = 0, 0

function init(args)
    mode = args[1]
    cap = tonumber(args[2])
    salt = tonumber(args[4] or "0")
    fields = args[5] or ""
    if mode ~= "anonymous" then
        for line in io.lines(args[3]) do
            local cookie, token = line:match("^([^\t]*)\t(.*)$")
            if cookie then
                members[#members + 1] = { cookie = cookie, token = token }
            end
        end
        assert(#members > 0, "no members in " .. tostring(args[3]))
    end
end

-- Unique per run, wrk thread and request: the database keeps one post per author and SubmissionId.
local function submission_id()
    return string.format("%08x-%04x-4000-8000-%012x", salt, id, sent)
end

function request()
    sent = sent + 1
    if mode == "anonymous" then
        return wrk.format("GET")
    end

    -- Threads start at different members, then take turns.
    local member = members[(sent + id * 7) % #members + 1]
    if mode == "signed-in" then
        return wrk.format("GET", nil, { ["Cookie"] = member.cookie })
    end

    local body = fields .. "&Input.Body=A+reply+from+the+benchmark%2C+number+" .. sent
        .. "&Input.SubmissionId=" .. submission_id()
        .. "&__RequestVerificationToken=" .. member.token
    return wrk.format("POST", nil, {
        ["Cookie"] = member.cookie,
        ["Content-Type"] = "application/x-www-form-urlencoded",
    }, body)
end

function response(status, headers, body)
    received = received + 1
    if received >= cap then
        wrk.thread:stop()
    end
end
