# Build the standalone AreaPlan bundle on Windows (PyInstaller, one folder) into dist\AreaPlan and zip it.
# Same spec as packaging/build on Linux (packaging\areaplan.spec). Written to mirror the Linux script; it has
# NOT been run on a Windows machine yet (no Windows here): report what fails.
#
# Usage (PowerShell, from the checkout, Python >= 3.11 from python.org on PATH as `py` or `python`):
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1 [-Venv DIR] [-Clean] [-NoZip]
#   -Venv DIR   build venv to make/use (default .venv-package); AreaPlan and its [package] extra go into it
#   -Clean      drop PyInstaller's cache first (slower; use for a release)
#   -NoZip      skip dist\AreaPlan-<version>-windows-x64.zip
param(
    [string]$Venv = ".venv-package",
    [switch]$Clean,
    [switch]$NoZip
)
$ErrorActionPreference = "Stop"
$Repo = Split-Path -Parent $PSScriptRoot
Set-Location $Repo

function Invoke-Checked {
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed (exit $LASTEXITCODE)" }
}

$Py = Join-Path $Venv "Scripts\python.exe"
if (-not (Test-Path $Py)) {
    Write-Host "== making the build venv $Venv"
    $Base = if (Get-Command py -ErrorAction SilentlyContinue) { "py" } else { "python" }
    $BaseArgs = if ($Base -eq "py") { @("-3", "-m", "venv", $Venv) } else { @("-m", "venv", $Venv) }
    Invoke-Checked $Base $BaseArgs
    Invoke-Checked $Py @("-m", "pip", "install", "-q", "--upgrade", "pip")
}
Write-Host "== installing AreaPlan[package] into $Venv"
Invoke-Checked $Py @("-m", "pip", "install", "-q", "$Repo[package]")

$Version = & $Py -c "import ast; t = ast.parse(open('areaplan/__init__.py', encoding='utf-8').read()); print(next(ast.literal_eval(n.value) for n in t.body if isinstance(n, ast.Assign) and n.targets[0].id == '__version__'))"
Write-Host "== AreaPlan $Version"

if (-not (Test-Path "sample_data\demo_songkhla.gpkg")) {
    Write-Host "== building the demo workspace"
    Invoke-Checked $Py @("-m", "ui.cli", "demo", "--out", "sample_data\demo_songkhla.gpkg")
}
if (-not (Test-Path "packaging\icons\areaplan.ico")) {
    Write-Host "== drawing the icon"
    Invoke-Checked $Py @("packaging\make_icon.py")
}

Write-Host "== PyInstaller (a few minutes; log in build\pyinstaller.log)"
New-Item -ItemType Directory -Force -Path build | Out-Null
$PyiArgs = @("-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", "$Repo\dist",
             "--workpath", "$Repo\build\pyinstaller")
if ($Clean) { $PyiArgs += "--clean" }
$PyiArgs += "packaging\areaplan.spec"
& $Py @PyiArgs *> build\pyinstaller.log
if ($LASTEXITCODE -ne 0) {
    Get-Content build\pyinstaller.log -Tail 40
    throw "PyInstaller failed (full log: build\pyinstaller.log)"
}

$Bundle = Join-Path $Repo "dist\AreaPlan"
Invoke-Checked (Join-Path $Bundle "areaplan-cli.exe") @("--version")
Invoke-Checked (Join-Path $Bundle "areaplan-cli.exe") @("selfcheck")
$Bytes = (Get-ChildItem $Bundle -Recurse -File | Measure-Object -Property Length -Sum).Sum
Write-Host ("bundle: {0} ({1:N0} MiB)" -f $Bundle, ($Bytes / 1MB))

if (-not $NoZip) {
    $Zip = Join-Path $Repo "dist\AreaPlan-$Version-windows-x64.zip"
    if (Test-Path $Zip) { Remove-Item $Zip }
    Compress-Archive -Path $Bundle -DestinationPath $Zip
    Write-Host ("archive: {0} ({1:N0} MiB)" -f $Zip, ((Get-Item $Zip).Length / 1MB))
}
Write-Host "Programs: dist\AreaPlan\AreaPlan.exe (the window), dist\AreaPlan\areaplan-cli.exe (command line)"
