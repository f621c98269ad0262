-- POST /v1/marketing/track-events: batches of 500 events, as a server-side sender flushes them.
-- CAMPAIGN names an active campaign.
local campaign = os.getenv("CAMPAIGN")
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
local function uuid()
  return string.format("%08x-%04x-4%03x-%04x-%012x", math.random(0, 0xffffffff), math.random(0, 0xffff),
    math.random(0, 0xfff), math.random(0x8000, 0xbfff), math.random(0, 0xffffffffffff))
end
local tail = '","campaign_id":"' .. campaign .. '","event_type":"impression","channel":"email","audience_segment":"returning",'
  .. '"session_id":"s-42","user_agent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36"}'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local now = os.date("!%Y-%m-%dT%H:%M:%SZ")
  local parts = {}
  for i = 1, 500 do parts[i] = '{"occurred_at":"' .. now .. '","event_id":"' .. uuid() .. tail end
  return wrk.format(nil, nil, nil, '{"events":[' .. table.concat(parts, ",") .. ']}')
end
