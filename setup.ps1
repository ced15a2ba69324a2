# AreaPlan set-up for Windows (PowerShell).
#   powershell -ExecutionPolicy Bypass -File setup.ps1 app    set up and open the app on the demo workspace
#   powershell -ExecutionPolicy Bypass -File setup.ps1 test   set up and run the whole test suite
param([string]$Mode = "app")
$ErrorActionPreference = "Stop"
Set-Location $PSScriptRoot
$venv = ".venv"
$demo = "sample_data\demo_songkhla.gpkg"
$py = $null
foreach ($cand in @("py -3.12", "py -3.11", "python")) {
    try {
        $ok = Invoke-Expression "$cand -c `"import sys; print(sys.version_info >= (3, 11))`"" 2>$null
        if ($ok -eq "True") { $py = $cand; break }
    } catch {}
}
if (-not $py) { Write-Error "ต้องใช้ Python 3.11 ขึ้นไป (install Python >= 3.11 from python.org, tick 'Add to PATH')"; exit 1 }
if (-not (Test-Path "$venv\Scripts\python.exe")) { Invoke-Expression "$py -m venv $venv" }
& "$venv\Scripts\python.exe" -m pip install -q --upgrade pip
& "$venv\Scripts\python.exe" -m pip install -q -e ".[dev]"
if ($Mode -eq "test") {
    $env:QT_QPA_PLATFORM = "offscreen"
    & "$venv\Scripts\lint-imports.exe" --config pyproject.toml
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    & "$venv\Scripts\python.exe" -m pytest
    exit $LASTEXITCODE
}
if (-not (Test-Path $demo)) { & "$venv\Scripts\areaplan.exe" demo --out $demo }
& "$venv\Scripts\areaplan.exe" gui --demo
