import { createHash } from 'node:crypto';

/**
 * The rules of `decideReserve` and `decideSettle` in `@conversation-kit/conversations`
 * (rate-limit-rules.ts), as one Lua script that Redis runs atomically, so that every process
 * sharing the keys decides on one budget. The clock is Redis's `TIME`, one clock for all of
 * them, unless a test passes its own.
 *
 * KEYS[1]: the budget hash; KEYS[2]: the sorted set of slots in flight, scored by when they went.
 * ARGV: operation ('reserve' | 'settle'), now in ms or '', in-flight timeout in ms, slot id,
 * and for a settle with a report: limit, remaining, reset in ms.
 * Returns { granted, waitMs, untilAnswer, limit, remaining, resetAtMs }.
 *
 * @example
 * await client.eval(RATE_LIMIT_SCRIPT, { keys, arguments: ['reserve', '', '120000', slotId] });
 */
export const RATE_LIMIT_SCRIPT = `
local budgetKey, inFlightKey = KEYS[1], KEYS[2]
local op, slot = ARGV[1], ARGV[4]
local now
if ARGV[2] ~= '' then
  now = tonumber(ARGV[2])
else
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
local staleMs = tonumber(ARGV[3])
local POLL_MS, DEFAULT_WINDOW_MS, FIRST_REQUESTS = 100, 10000, 4
local fields = { 'limit', 'remaining', 'resetAtMs', 'windowMs', 'rolled', 'windowEndMs', 'used', 'probed' }
local stored = redis.call('HMGET', budgetKey, unpack(fields))
local b = {}
for i, field in ipairs(fields) do b[field] = tonumber(stored[i]) or 0 end
-- A slot never given back (its process died mid-request) stops counting after a while.
redis.call('ZREMRANGEBYSCORE', inFlightKey, '-inf', now - staleMs)

local function rollForward()
  if b.resetAtMs == 0 or now < b.windowEndMs then return end
  local windowMs = b.windowMs
  if windowMs == 0 then windowMs = DEFAULT_WINDOW_MS end
  local from = b.resetAtMs
  if b.rolled == 1 then from = b.windowEndMs end
  local steps = math.floor((now - from) / windowMs) + 1
  b.rolled = 1
  b.windowEndMs = from + steps * windowMs
  b.used = redis.call('ZCARD', inFlightKey)
end

local function save()
  local values = {}
  for _, field in ipairs(fields) do
    table.insert(values, field)
    table.insert(values, string.format('%d', b[field]))
  end
  redis.call('HSET', budgetKey, unpack(values))
  local windowMs = math.max(b.windowMs, DEFAULT_WINDOW_MS)
  local endMs = math.max(b.windowEndMs, b.resetAtMs)
  redis.call('PEXPIRE', budgetKey, math.max(endMs - now, 0) + 2 * windowMs)
end

local function reply(granted, waitMs, untilAnswer)
  return { granted, math.ceil(waitMs), untilAnswer, b.limit, b.remaining, b.resetAtMs }
end

local function grant()
  redis.call('ZADD', inFlightKey, now, slot)
  redis.call('PEXPIRE', inFlightKey, staleMs)
end

if op == 'reserve' then
  rollForward()
  local inFlight = redis.call('ZCARD', inFlightKey)
  if b.resetAtMs == 0 then
    if b.probed == 0 and inFlight >= FIRST_REQUESTS then
      save()
      return reply(0, POLL_MS, 1)
    end
    grant()
    save()
    return reply(1, 0, 0)
  end
  if b.rolled == 1 then
    if b.limit - b.used > 0 then
      b.used = b.used + 1
      grant()
      save()
      return reply(1, 0, 0)
    end
    save()
    local untilEnd = math.max(1, b.windowEndMs - now)
    if b.windowMs > 0 then return reply(0, untilEnd, 0) end
    return reply(0, math.min(POLL_MS, untilEnd), 1)
  end
  if b.remaining - inFlight > 0 then
    grant()
    save()
    return reply(1, 0, 0)
  end
  save()
  return reply(0, math.max(1, b.resetAtMs - now), 0)
end

-- settle: a slot given back twice counts once.
if redis.call('ZREM', inFlightKey, slot) == 0 then return reply(0, 0, 0) end
b.probed = 1
rollForward()
if ARGV[5] then
  local limit, remaining, resetAtMs = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
  if resetAtMs == b.resetAtMs then
    b.limit = limit
    b.remaining = math.min(b.remaining, remaining)
  elseif resetAtMs > b.resetAtMs then
    local step = 0
    if b.resetAtMs > 0 then step = resetAtMs - b.resetAtMs end
    if step > 0 and (b.windowMs == 0 or step < b.windowMs) then b.windowMs = step end
    b.limit = limit
    b.remaining = remaining
    b.resetAtMs = resetAtMs
    b.rolled = 0
    b.windowEndMs = resetAtMs
    b.used = 0
    rollForward()
  end
end
save()
return reply(0, 0, 0)
`;

/**
 * The SHA-1 Redis names the script by, for `EVALSHA`.
 *
 * @example
 * await client.evalSha(RATE_LIMIT_SCRIPT_SHA, { keys, arguments });
 */
export const RATE_LIMIT_SCRIPT_SHA = createHash('sha1').update(RATE_LIMIT_SCRIPT).digest('hex');
