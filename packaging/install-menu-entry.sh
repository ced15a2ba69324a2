#!/bin/sh
# Add AreaPlan to the desktop menu of this Linux user (copied beside the program by packaging/build).
# Run it from the unpacked AreaPlan folder: ./install-menu-entry.sh   (undo: rm the file it prints)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
APPS="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$APPS"
cat >"$APPS/areaplan.desktop" <<EOF
[Desktop Entry]
Type=Application
Name=AreaPlan
Name[th]=AreaPlan ระบบแผนที่บูรณาการแผนเชิงพื้นที่
Comment=Offline GIS for Thai provincial planning
Exec="$HERE/areaplan" %f
Icon=$HERE/areaplan.png
Terminal=false
Categories=Office;Science;Geography;
MimeType=application/geopackage+sqlite3;
EOF
echo "เพิ่มเมนูแล้ว (menu entry written): $APPS/areaplan.desktop"
