<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="th_TH">
<context>
    <name>AttributeTableDock</name>
    <message>
        <location filename="../attribute_table.py" line="428"/>
        <source>ซูมไปที่รายการที่เลือก</source>
        <translation>Zoom to selection</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="429"/>
        <source>ส่งออก…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="430"/>
        <source>ส่งออกรายการที่เลือก (หรือทุกรายการที่กรองไว้) เป็น CSV หรือ Excel</source>
        <translation>Export the selected rows (or all filtered rows) to CSV or Excel</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="431"/>
        <source>ชั้นข้อมูล</source>
        <translation>Layers</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="452"/>
        <source>ค้นหาชื่อโครงการ หน่วยงาน ที่ตั้ง</source>
        <translation>Search project title, agency, location</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="456"/>
        <source>ล้างตัวกรอง</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="623"/>
        <source>{shown:,} จาก {total:,} รายการ</source>
        <translation>{shown:,} of {total:,} rows</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="625"/>
        <source> (เลือก {n:,})</source>
        <translation> ({n:,} selected)</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="688"/>
        <source>ยังไม่ได้เลือกรายการ</source>
        <translation>Nothing is selected</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="693"/>
        <source>รายการที่เลือกไม่มีตำแหน่งบนแผนที่</source>
        <translation>The selected rows have no location on the map</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="730"/>
        <source>ส่งออกตาราง</source>
        <translation>Export table</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="738"/>
        <source>ส่งออกไม่ได้</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="740"/>
        <source>บันทึก {name} แล้ว</source>
        <translation>Saved {name}</translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <location filename="../style_editor.py" line="111"/>
        <source>ไม่มี</source>
        <extracomment>Thai names of the fields people usually style by (others show their column name). Categorised styles with more distinct values than this are refused (a legend nobody can read).</extracomment>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="118"/>
        <source>เลือกสี</source>
        <translation>Choose colour</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <location filename="../editing.py" line="318"/>
        <source>แก้ไข {column} ของ fid {fid}</source>
        <extracomment>The source of projects added in the app; project_id is unique within it. Pixels around a project point that a press on the map still picks it up. (layer name, fid) after a feature was changed, added or deleted by a command or its undo. The bilingual message of an edit that was refused or failed (nothing was saved).</extracomment>
        <translation>Edit {column} of fid {fid}</translation>
    </message>
    <message>
        <location filename="../editing.py" line="375"/>
        <source>ย้ายตำแหน่ง fid {fid}</source>
        <translation>Move fid {fid}</translation>
    </message>
    <message>
        <location filename="../editing.py" line="378"/>
        <source>ตำแหน่งใหม่อยู่นอกตำบลในพื้นที่ทำงาน</source>
        <translation>The new position is outside the tambons of the workspace</translation>
    </message>
    <message>
        <location filename="../editing.py" line="400"/>
        <source>เพิ่มโครงการ {id}</source>
        <translation>Add project {id}</translation>
    </message>
    <message>
        <location filename="../editing.py" line="424"/>
        <source>ลบ {n} รายการ</source>
        <translation>Delete {n} rows</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <location filename="../worker.py" line="162"/>
        <source>ยกเลิก</source>
        <extracomment>job(progress=..., cancelled=...) -&gt; result</extracomment>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../worker.py" line="181"/>
        <source>กำลังยกเลิก… (รอให้ขั้นตอนปัจจุบันจบ)</source>
        <translation>Cancelling… (waiting for the current step to finish)</translation>
    </message>
    <message>
        <location filename="../worker.py" line="182"/>
        <source>กำลังยกเลิก…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <location filename="../layer_panel.py" line="303"/>
        <source>ความทึบของชั้นข้อมูลที่เลือก (Opacity)</source>
        <extracomment>Milliseconds a change waits before it is written to the workspace (a slider drag writes once). Smallest extent (metres) zoom-to-layer shows, so one point does not zoom in without limit.</extracomment>
        <translation>Opacity of the selected layer</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="304"/>
        <source>ความทึบ</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="395"/>
        <source>ชั้นข้อมูลนี้ไม่มีตำแหน่งให้ขยายไป</source>
        <extracomment>Problems met while restoring saved styles (shown in the status bar; the default look is kept).</extracomment>
        <translation>This layer has no location to zoom to</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="409"/>
        <location filename="../layer_panel.py" line="454"/>
        <source>ลบชั้นข้อมูล</source>
        <translation>Remove layer</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="410"/>
        <source>เอาชั้นข้อมูล “{title}” ออกจากแผนที่? (ข้อมูลในพื้นที่ทำงานไม่ถูกลบ)</source>
        <translation>Remove the layer “{title}” from the map? (The data in the workspace is not deleted.)</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="441"/>
        <source>รูปแบบ…</source>
        <translation>Style…</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="444"/>
        <source>ขยายไปที่ชั้นข้อมูล</source>
        <translation>Zoom to layer</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="447"/>
        <source>เลื่อนขึ้น</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="450"/>
        <source>เลื่อนลง</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="562"/>
        <source>บันทึกรูปแบบไม่ได้: {e}</source>
        <translation>Could not save the style: {e}</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="597"/>
        <source>ใช้รูปแบบที่บันทึกไว้ไม่ได้บางชั้น: {e}</source>
        <translation>Could not apply the saved style of some layers: {e}</translation>
    </message>
</context>
<context>
    <name>LayerTree</name>
    <message>
        <location filename="../main_window.py" line="125"/>
        <source>{title} ({name}) {count:,} รายการ</source>
        <translation>{title} ({name}) {count:,} features</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app.py" line="81"/>
        <location filename="../main_window.py" line="327"/>
        <source>เปิดพื้นที่ทำงานไม่ได้</source>
        <translation>Cannot open the workspace</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="52"/>
        <source>การแก้ไขในรอบนี้</source>
        <extracomment>The demo workspace beside the source tree (sample_data/ is not part of the wheel). How many workspaces File → ไฟล์ล่าสุด lists. The answers of the session-edits prompt.</extracomment>
        <translation>Edits in this session</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="53"/>
        <source>มีการแก้ไข {n} รายการในรอบการทำงานนี้</source>
        <translation>{n} edits were made in this session</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="55"/>
        <source>AreaPlan บันทึกการแก้ไขแต่ละครั้งลงพื้นที่ทำงานทันที การแก้ไขจึงถูกบันทึกไว้แล้ว ต้องการเก็บการแก้ไขไว้ หรือย้อนการแก้ไขทั้งหมดของรอบนี้?</source>
        <translation>AreaPlan saves every edit to the workspace as soon as it is made, so these edits are already saved. Keep them, or undo all of this session&apos;s edits?</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="61"/>
        <source>เก็บการแก้ไขไว้</source>
        <translation>Keep the edits</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="62"/>
        <source>ย้อนการแก้ไขของรอบนี้</source>
        <translation>Undo this session&apos;s edits</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="63"/>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="188"/>
        <location filename="../main_window.py" line="264"/>
        <source>ชั้นข้อมูล</source>
        <extracomment>True while a background job owns the workspace (menus and toolbars are disabled). save geometry/state on close (ui.app.main turns it on; test windows leave the user&apos;s settings alone)</extracomment>
        <translation>Layers</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="201"/>
        <location filename="../main_window.py" line="265"/>
        <source>เครื่องมือ</source>
        <translation>Tools</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="218"/>
        <source>ไฟล์</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="219"/>
        <source>เปิดพื้นที่ทำงาน…</source>
        <translation>Open workspace…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="220"/>
        <source>เปิดข้อมูลสาธิต</source>
        <translation>Open demo data</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="221"/>
        <source>ไฟล์ล่าสุด</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="223"/>
        <source>บันทึก</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="224"/>
        <source>AreaPlan บันทึกการแก้ไขทันที คำสั่งนี้ยืนยันว่าทุกอย่างบันทึกแล้ว</source>
        <translation>AreaPlan saves edits immediately; this confirms that everything is saved</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="225"/>
        <source>บันทึกเป็น…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="227"/>
        <source>ปิดพื้นที่ทำงาน</source>
        <translation>Close workspace</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="229"/>
        <source>ออกจากโปรแกรม</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="242"/>
        <source>แก้ไข</source>
        <extracomment>installers insert import/export actions before this separator (ui.workbench does)</extracomment>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="243"/>
        <source>มุมมอง</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="244"/>
        <source>ขยายเต็มพื้นที่</source>
        <translation>Full extent</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="250"/>
        <location filename="../main_window.py" line="501"/>
        <source>ภาษา / Language</source>
        <translation>Language / ภาษา</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="266"/>
        <source>วิธีใช้</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="267"/>
        <location filename="../main_window.py" line="540"/>
        <source>เกี่ยวกับ AreaPlan</source>
        <translation>About AreaPlan</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="330"/>
        <source>เปิด {name} แล้ว</source>
        <translation>Opened {name}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="335"/>
        <source>เปิดพื้นที่ทำงาน</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="335"/>
        <location filename="../main_window.py" line="428"/>
        <source>พื้นที่ทำงาน GeoPackage (*.gpkg)</source>
        <translation>GeoPackage workspace (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="347"/>
        <source>เปิดข้อมูลสาธิตไม่ได้</source>
        <translation>Cannot open the demo</translation>
    </message>
    <message>
        <source>ไม่พบข้อมูลสาธิต</source>
        <translation type="vanished">Demo data not found</translation>
    </message>
    <message>
        <source>ไม่พบแฟ้ม {path}
สร้างได้ด้วยคำสั่ง: areaplan demo --out {path}</source>
        <translation type="vanished">File {path} not found.
Make it with: areaplan demo --out {path}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="392"/>
        <source>(ยังไม่มี)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="396"/>
        <source>ล้างรายการ</source>
        <translation>Clear list</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="404"/>
        <source>บันทึกแล้ว (AreaPlan บันทึกการแก้ไขทุกครั้งทันที)</source>
        <translation>Saved (AreaPlan saves every edit immediately)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="428"/>
        <source>บันทึกพื้นที่ทำงานเป็น</source>
        <translation>Save workspace as</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="437"/>
        <source>บันทึกไม่ได้</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="439"/>
        <source>บันทึกเป็น {name} แล้ว</source>
        <translation>Saved as {name}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="502"/>
        <source>จะใช้ภาษาที่เลือกเมื่อเปิด AreaPlan ครั้งถัดไป
(The new language applies when AreaPlan starts again.)</source>
        <translation>The new language applies when AreaPlan starts again.
(จะใช้ภาษาที่เลือกเมื่อเปิด AreaPlan ครั้งถัดไป)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="511"/>
        <source>ละติจูด {lat:.5f}°  ลองจิจูด {lon:.5f}°</source>
        <translation>Lat {lat:.5f}°  Lon {lon:.5f}°</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="514"/>
        <source>มาตราส่วน 1:{n}</source>
        <translation>Scale 1:{n}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="523"/>
        <source>ชื่อและรหัสเขตการปกครอง: กรมการปกครอง (ผ่านแพ็กเกจ geothai)</source>
        <translation>Administrative area names and codes: Department of Provincial Administration (via the geothai package)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="524"/>
        <source>แบบอักษร: Sarabun (SIL Open Font License)</source>
        <translation>Font: Sarabun (SIL Open Font License)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="532"/>
        <source>ระบบแผนที่บูรณาการแผนเชิงพื้นที่</source>
        <translation>Integrated area-based planning map system</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="533"/>
        <source>แหล่งข้อมูล:</source>
        <translation>Data sources:</translation>
    </message>
</context>
<context>
    <name>MapCanvas</name>
    <message>
        <location filename="../map_canvas.py" line="391"/>
        <source>ย้อนกลับ</source>
        <extracomment>Background of the map (the sea and neighbouring countries show through it). Milliseconds without a range change after which the view counts as settled and is rendered again. How many extents the previous/next history keeps. Smallest extent (map units, metres) zoom_to_bounds shows, so a point or a tiny feature is not a blur. How many times the item was rendered into its pixmap (tests and benchmarks read it). Model type -&gt; canvas item type (napari&apos;s layer_to_visual); a new layer type adds one entry. Stable name used by set_tool() and the actions. Thai title for actions and tooltips. Emitted with (lon, lat) in degrees when the cursor moves over the map. Emitted with (x, y) in the map CRS when the cursor moves over the map. Emitted with the scale denominator N (of 1:N) when the view range changes. Emitted with the name of the new current tool. Emitted when the extent history or its position changed. True from a range change until SETTLE_MS pass without another one.</extracomment>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../map_canvas.py" line="392"/>
        <source>ขอบเขตแผนที่ก่อนหน้า (Alt+←)</source>
        <translation>Previous extent (Alt+←)</translation>
    </message>
    <message>
        <location filename="../map_canvas.py" line="395"/>
        <source>ถัดไป</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location filename="../map_canvas.py" line="396"/>
        <source>ขอบเขตแผนที่ถัดไป (Alt+→)</source>
        <translation>Next extent (Alt+→)</translation>
    </message>
</context>
<context>
    <name>MapTools</name>
    <message>
        <location filename="../map_tools.py" line="360"/>
        <source>รายการ</source>
        <extracomment>Square metres in one rai (ไร่). Pick radius of identify and click-select, in screen pixels. At most this many projects are listed under a tambon in the identify panel. Thai names of workspace fields (interchange.md / the workspace schema). Fields not shown in the identify panel (internal bookkeeping). Code fields whose values are shown with their Thai label. Fields that hold a feature&apos;s display name, in order of preference. (window, layer_name, row) -&gt; extra (label, value) lines for a feature in the identify panel. Extra identify lines per feature; the plans feature appends &quot;plans touching this area&quot; here.</extracomment>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="360"/>
        <source>ค่า</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="362"/>
        <source>ข้อมูลตำแหน่งที่เลือก</source>
        <translation>Identify results</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="415"/>
        <source>ล้างการเลือก</source>
        <translation>Clear selection</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="487"/>
        <source>ข้อมูลที่เกี่ยวข้อง</source>
        <translation>Related data</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="495"/>
        <source>พบ {n} รายการ</source>
        <translation>{n} found</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="497"/>
        <source>ไม่พบข้อมูล ณ ตำแหน่งนี้</source>
        <translation>Nothing found here</translation>
    </message>
    <message>
        <location filename="../map_tools.py" line="561"/>
        <source>UTM {zone}  E {e}  N {n}</source>
        <translation>UTM {zone}  E {e}  N {n}</translation>
    </message>
</context>
<context>
    <name>PlaceSearch</name>
    <message>
        <location filename="../place_search.py" line="166"/>
        <source>ค้นหาสถานที่…</source>
        <extracomment>The boundary layers searched, largest first. How long a found place stays outlined (ms). Margin around a found place, as a fraction of its size on each side. At most this many places are offered. A level word or abbreviation glued to the previous name (&quot;ต.คอหงส์อ.หาดใหญ่&quot;): split the words there.</extracomment>
        <translation>Search place…</translation>
    </message>
    <message>
        <location filename="../place_search.py" line="167"/>
        <source>พิมพ์ชื่อตำบล อำเภอ หรือจังหวัด (ไทยหรืออังกฤษ)</source>
        <translation>Type a tambon, amphoe or changwat name (Thai or English)</translation>
    </message>
    <message>
        <location filename="../place_search.py" line="221"/>
        <source>ไม่พบสถานที่ &quot;{t}&quot;</source>
        <translation>Place &quot;{t}&quot; not found</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <location filename="../editing.py" line="472"/>
        <source>เพิ่มโครงการ</source>
        <translation>Add project</translation>
    </message>
    <message>
        <location filename="../editing.py" line="480"/>
        <source>พ.ศ. เช่น 2569</source>
        <translation>Buddhist Era year, e.g. 2569</translation>
    </message>
    <message>
        <location filename="../editing.py" line="482"/>
        <source>บาท เช่น 1,500,000 หรือ 1.5 ล้าน</source>
        <translation>Baht, e.g. 1,500,000 or 1.5 ล้าน</translation>
    </message>
    <message>
        <location filename="../editing.py" line="486"/>
        <source>ตำบลรหัส {code}</source>
        <translation>Tambon code {code}</translation>
    </message>
    <message>
        <location filename="../editing.py" line="486"/>
        <source>นอกตำบลในพื้นที่ทำงาน</source>
        <translation>Outside the tambons of the workspace</translation>
    </message>
    <message>
        <location filename="../editing.py" line="487"/>
        <source>ตำแหน่ง</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../editing.py" line="497"/>
        <source>เพิ่ม</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../editing.py" line="498"/>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../editing.py" line="509"/>
        <source>(ไม่ระบุ)</source>
        <translation>(not given)</translation>
    </message>
</context>
<context>
    <name>StyleEditor</name>
    <message>
        <location filename="../style_editor.py" line="133"/>
        <source>รูปแบบ — {title}</source>
        <extracomment>Emitted after the dialog set a new style/labels/opacity on the layer.</extracomment>
        <translation>Style — {title}</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="143"/>
        <source>สัญลักษณ์</source>
        <translation>Symbology</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="144"/>
        <source>ป้ายชื่อ</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="149"/>
        <source>ตกลง</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="150"/>
        <source>นำไปใช้</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="151"/>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="171"/>
        <source>แบบการแสดง</source>
        <translation>Renderer</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="173"/>
        <source>ไม่ระบายสี</source>
        <translation>No fill</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="177"/>
        <source>สีพื้น (อื่น ๆ)</source>
        <translation>Fill colour (others)</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="179"/>
        <source>ไม่มีเส้นขอบ</source>
        <translation>No outline</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="183"/>
        <source>สีเส้นขอบ</source>
        <translation>Outline colour</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="188"/>
        <source>ความหนาเส้น</source>
        <translation>Line width</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="192"/>
        <source>ขนาดจุด</source>
        <translation>Point size</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="196"/>
        <source>สัญลักษณ์จุด</source>
        <translation>Point symbol</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="199"/>
        <source>ความทึบ</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="208"/>
        <source>คอลัมน์</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="210"/>
        <source>สีอัตโนมัติ</source>
        <translation>Automatic colours</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="213"/>
        <location filename="../style_editor.py" line="233"/>
        <source>ชุดสี</source>
        <translation>Colour ramp</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="219"/>
        <source>คอลัมน์ตัวเลข</source>
        <translation>Numeric field</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="224"/>
        <source>วิธีแบ่งชั้น</source>
        <translation>Classification method</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="228"/>
        <source>จำนวนชั้น</source>
        <translation>Classes</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="234"/>
        <source>กลับลำดับสี</source>
        <translation>Reverse colours</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="239"/>
        <source>ดับเบิลคลิกเพื่อเปลี่ยนสีของหมวดหรือชั้น</source>
        <translation>Double-click to change the colour of a category or class</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="248"/>
        <source>คำอธิบายสัญลักษณ์</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="268"/>
        <source>แสดงป้ายชื่อ</source>
        <translation>Show labels</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="271"/>
        <source>คอลัมน์ข้อความ</source>
        <translation>Text field</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="275"/>
        <source>ขนาดตัวอักษร</source>
        <translation>Font size</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="277"/>
        <source>สีตัวอักษร</source>
        <translation>Text colour</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="278"/>
        <source>ตัวหนา</source>
        <translation>Bold</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="281"/>
        <source>ไม่มีขอบตัวอักษร</source>
        <translation>No halo</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="285"/>
        <source>สีขอบตัวอักษร (halo)</source>
        <translation>Halo colour</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="290"/>
        <source>ความกว้างขอบตัวอักษร</source>
        <translation>Halo width</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="294"/>
        <source>ตัวอย่าง</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="439"/>
        <source>เลือกสี</source>
        <translation>Choose colour</translation>
    </message>
    <message>
        <location filename="../style_editor.py" line="500"/>
        <source>รูปแบบไม่ถูกต้อง</source>
        <translation>Invalid style</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <location filename="../workbench.py" line="45"/>
        <source>ตรวจหาเองจากไฟล์ (อัตโนมัติ)</source>
        <extracomment>The kinds offered in the dialog; &quot;auto&quot; lets areaplan guess from the file.</extracomment>
        <translation>Detect from the file (automatic)</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="46"/>
        <source>โครงการ</source>
        <translation>Projects</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="47"/>
        <source>แผน</source>
        <translation>Plans</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="48"/>
        <source>ขอบเขตการปกครอง</source>
        <translation>Administrative boundaries</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="49"/>
        <source>พื้นที่เสี่ยงภัย (น้ำท่วม)</source>
        <translation>Hazard areas (flood)</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="62"/>
        <source>ข้อมูลที่นำเข้าได้ ({patterns});;ทุกไฟล์ (*)</source>
        <translation>Importable data ({patterns});;All files (*)</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="173"/>
        <source>กำลังอ่านชั้นข้อมูลใหม่</source>
        <extracomment>Rows per read when the worker reads a layer back (bounds how long one C call holds the GIL). CSV rows per import chunk in the GUI: small enough that no single vectorised step stalls the UI thread.</extracomment>
        <translation>Reading the layers again</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="192"/>
        <location filename="../workbench.py" line="325"/>
        <source>นำเข้าข้อมูล</source>
        <translation>Import data</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="196"/>
        <source>เพิ่มไฟล์…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="198"/>
        <source>เอาออก</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="204"/>
        <source>นำเข้า</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="205"/>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="217"/>
        <source>ชนิดข้อมูล:</source>
        <translation>Data kind:</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="247"/>
        <source>เลือกไฟล์ที่จะนำเข้า</source>
        <translation>Choose files to import</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="268"/>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="285"/>
        <source>นำเข้าข้อมูล…</source>
        <translation>Import data…</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="288"/>
        <source>นำเข้าโครงการ แผน ขอบเขต หรือพื้นที่เสี่ยงภัยจากไฟล์ (Import data)</source>
        <translation>Import projects, plans, boundaries or hazard areas from files</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="326"/>
        <source>กำลังนำเข้า {names}</source>
        <translation>Importing {names}</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="351"/>
        <source>ผลการนำเข้า</source>
        <translation>Import report</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="352"/>
        <source>นำเข้าเสร็จ {n} ไฟล์</source>
        <translation>Imported {n} file(s)</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="363"/>
        <source>ยกเลิกการนำเข้าแล้ว ไฟล์ที่กำลังนำเข้าไม่ถูกบันทึก</source>
        <translation>Import cancelled; nothing of the file being imported was saved</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="366"/>
        <source>ยกเลิกการนำเข้า</source>
        <translation>Import cancelled</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="366"/>
        <source>ไฟล์ที่นำเข้าเสร็จก่อนยกเลิก:</source>
        <translation>Files imported before the cancel:</translation>
    </message>
    <message>
        <location filename="../workbench.py" line="372"/>
        <source>นำเข้าไม่สำเร็จ</source>
        <translation>Import failed</translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <location filename="../raster_view.py" line="136"/>
        <source>เพิ่มแผนที่ฐาน</source>
        <translation>Add basemap</translation>
    </message>
    <message>
        <location filename="../raster_view.py" line="138"/>
        <source>MBTiles (*.mbtiles);;ไทล์ในโฟลเดอร์ XYZ {z}/{x}/{y} (*.png *.jpg *.jpeg *.webp)</source>
        <translation>MBTiles (*.mbtiles);;XYZ tile folder {z}/{x}/{y} (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <location filename="../raster_view.py" line="148"/>
        <source>เพิ่มแผนที่ฐานไม่ได้</source>
        <translation>Cannot add the basemap</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../attribute_table.py" line="414"/>
        <source>ตารางข้อมูล</source>
        <extracomment>Role giving the raw value of a cell (codes, numbers), used for sorting, filtering and editing. Role giving a row&apos;s workspace fid. The project columns the table shows, in order (virtual columns tambon_name/amphoe_name come from codes). Columns searched by the free-text filter. Columns drawn right-aligned with thousands separators. Coded columns and their Thai labels. Filters the proxy understands: key -&gt; column whose value must equal the filter value. The columns a user may edit in the table (the others are derived or bookkeeping). editor(layer_name, fid, column, value) -&gt; True when the change was saved. row -&gt; position in layer.data position -&gt; row (the inverse of order) filter key (FILTER_COLUMNS) -&gt; value, and the folded free text</extracomment>
        <translation>Attribute table</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="751"/>
        <source>เปิดตารางข้อมูล</source>
        <translation>Open attribute table</translation>
    </message>
    <message>
        <location filename="../attribute_table.py" line="755"/>
        <source>ซูมไปที่รายการที่เลือก</source>
        <translation>Zoom to selection</translation>
    </message>
    <message>
        <location filename="../editing.py" line="635"/>
        <source>เลิกทำ</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../editing.py" line="637"/>
        <source>ทำซ้ำ</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../editing.py" line="650"/>
        <source>แก้ไขตำแหน่ง</source>
        <translation>Move points</translation>
    </message>
    <message>
        <location filename="../editing.py" line="651"/>
        <source>ลากจุดโครงการบนแผนที่เพื่อย้ายตำแหน่ง</source>
        <translation>Drag a project point on the map to move it</translation>
    </message>
    <message>
        <location filename="../editing.py" line="652"/>
        <source>เพิ่มโครงการ</source>
        <translation>Add project</translation>
    </message>
    <message>
        <location filename="../editing.py" line="653"/>
        <source>คลิกบนแผนที่เพื่อเพิ่มโครงการ ณ ตำแหน่งนั้น</source>
        <translation>Click on the map to add a project there</translation>
    </message>
    <message>
        <location filename="../editing.py" line="676"/>
        <source>ลบโครงการที่เลือก</source>
        <translation>Delete selected projects</translation>
    </message>
    <message>
        <location filename="../layer_panel.py" line="666"/>
        <source>เลือกชั้นข้อมูลในแผงชั้นข้อมูลก่อน</source>
        <translation>Select a layer in the layer panel first</translation>
    </message>
    <message>
        <location filename="../raster_view.py" line="85"/>
        <source>เพิ่มแผนที่ฐาน (MBTiles/โฟลเดอร์ XYZ)…</source>
        <extracomment>Layers a raster is drawn above (the filled boundary layers), when present.</extracomment>
        <translation>Add basemap (MBTiles/XYZ folder)…</translation>
    </message>
</context>
</TS>
