-- wrk script: POSTs valid otklik.response/1 documents, each with an id never used before, so that every
-- request is a durable insert (201), not an idempotent repeat.
local counter = 0
local run = tostring(os.time())
local threads = {}

-- Runs in the main Lua state; thread_number becomes a global of each thread's own state.
function setup(thread)
  thread:set("thread_number", #threads + 1)
  table.insert(threads, thread)
end

local head = '{"format":"otklik.response/1","id":"'
local tail = '","survey":"passport-renewal","service":"passport-renewal","stage":"application",' ..
  '"channel":"web","locale":"ru","submitted_at":"2026-11-27T10:41:07Z",' ..
  '"answers":{"overall":4,"time":3,"effort":2,"recommend":9,"goal":"yes",' ..
  '"comment":"Долго ждал ответа, звонил по +7 912 345-67-89"},"region":"RU-MOW"}'

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local id = string.format("bench-%s-t%d-%012d", run, thread_number, counter)
  return wrk.format(nil, nil, nil, head .. id .. tail)
end
