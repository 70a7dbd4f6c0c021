-- wrk script: POSTs valid otklik.response/1 documents, each with a fresh random 22-character id like
-- the widget's (crypto.getRandomValues), so that every request is a durable insert (201) and the id
-- index sees the random inserts it sees in production.
local threads = {}

-- Runs in the main Lua state; thread_number becomes a global of each thread's own state.
function setup(thread)
  thread:set("thread_number", #threads + 1)
  table.insert(threads, thread)
end

local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
local characters = {}
for i = 1, 64 do characters[i] = alphabet:sub(i, i) end
local id_parts = {}

local function random_id()
  for i = 1, 22 do id_parts[i] = characters[math.random(1, 64)] end
  return table.concat(id_parts)
end

local head = '{"format":"otklik.response/1","id":"'
local tail = '","survey":"passport-renewal","service":"passport-renewal","stage":"application",' ..
  '"channel":"web","locale":"ru","submitted_at":"2026-11-27T10:41:07Z",' ..
  '"answers":{"overall":4,"time":3,"effort":2,"recommend":9,"goal":"yes",' ..
  '"comment":"Долго ждал ответа, звонил по +7 912 345-67-89"},"region":"RU-MOW"}'

function init(args)
  math.randomseed(os.time() * 1000 + thread_number)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  return wrk.format(nil, nil, nil, head .. random_id() .. tail)
end
