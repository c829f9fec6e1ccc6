-- Headless Neovim (0.7+, Debian) against the bundled language server over stdio:
--   LSP_SERVER=/abs/dist/server.js FIX_LINE=n FIX_FILE=line.txt nvim --headless --clean -c "luafile lsp_check.lua" report.txt
-- Prints DIAG/SYMBOL lines, then restores line FIX_LINE (1-based) to the text in FIX_FILE and waits for the balance
-- findings to go; exits 0 with OK, 1 with FAIL.
local server = os.getenv('LSP_SERVER')
local file = vim.fn.expand('%:p')
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'nianbao'

local function out(s) io.stdout:write(s .. '\n') end
local function fail(msg) out('FAIL: ' .. msg); vim.cmd('cquit 1') end
local function code_of(d) return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '?' end
local function balance_count()
  local n = 0
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if tostring(code_of(d)):match('^balance%.') then n = n + 1 end
  end
  return n
end

local client_id = vim.lsp.start_client({
  name = 'nianbao',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  settings = { nianbao = { language = 'en' } },
})
if not client_id then fail('start_client returned nil') end
vim.lsp.buf_attach_client(bufnr, client_id)

if not vim.wait(15000, function() return balance_count() > 0 end, 50) then fail('no balance diagnostics within 15s') end
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  out(string.format('DIAG %d:%d-%d %s %s', d.lnum + 1, d.col, d.end_col, tostring(code_of(d)), d.message:gsub('\n', ' ')))
end

local params = { textDocument = vim.lsp.util.make_text_document_params() }
local res, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', params, 10000)
if not res then fail('documentSymbol: ' .. tostring(err)) end
for _, r in pairs(res) do
  if r.err then fail(vim.inspect(r.err)) end
  for _, s in ipairs(r.result or {}) do
    local range = s.range or (s.location and s.location.range)
    out(string.format('SYMBOL %s line=%d', s.name, range.start.line + 1))
  end
end

local fix_line = tonumber(os.getenv('FIX_LINE'))
vim.api.nvim_buf_set_lines(bufnr, fix_line - 1, fix_line, false, { vim.fn.readfile(os.getenv('FIX_FILE'))[1] })
if not vim.wait(15000, function() return balance_count() == 0 end, 50) then fail('balance findings remain after the edit') end
out('after fix: 0 balance')

vim.lsp.stop_client(client_id)
vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
out('OK')
vim.cmd('qall!')
