"""Drives the workspace's what-if editing and 方案 step in headless Chromium (Debian chromium +
chromium-driver) with Selenium.

Usage: scenario_browser.py URL OUTDIR PHASE NAME
  PHASE edit:   siting K=1, what-if on, add a facility on the first site, close a station, save the
                edits as NAME, compare base and NAME, switch to English, export the area table as xlsx.
  PHASE reopen: (after a server restart) NAME is listed; open it; apply it (confirmation);
                discard it; apply the grid plan (confirmation).
Prints one JSON object of what the page showed (figures as displayed, the edits it evaluated) so the
Swift test compares them with the CLI's JSON. Screenshots go to OUTDIR.
"""
import glob
import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

url, out, phase, name = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
downloads = os.path.join(out, "downloads")
os.makedirs(downloads, exist_ok=True)
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768",
          "--disable-gpu", "--lang=zh-CN"]:
    options.add_argument(a)
options.add_experimental_option("prefs", {"download.default_directory": downloads,
                                          "download.prompt_for_download": False})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
wait = WebDriverWait(driver, 90)
result = {"console": []}


def idle():
    time.sleep(0.2)
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-busy") in (None, "0"))


def fields(container):
    return {e.get_attribute("data-field"): e.text
            for e in driver.find_elements(By.CSS_SELECTOR, container + " [data-field]")}


def rows():
    return [{"id": tr.get_attribute("data-id"), "cells": [td.text for td in tr.find_elements(By.TAG_NAME, "td")]}
            for tr in driver.find_elements(By.CSS_SELECTOR, "#result-table tbody tr")]


def edits():
    return json.loads(driver.find_element(By.ID, "whatif").get_attribute("data-edits") or "[]")


def click_at(element):
    """A real pointer click at the element's centre (the page's own picking decides what it hit)."""
    r = driver.execute_script("var b = arguments[0].getBoundingClientRect(); return [b.left + b.width / 2, b.top + b.height / 2];",
                              element)
    actions = ActionBuilder(driver)
    actions.pointer_action.move_to_location(int(round(r[0])), int(round(r[1]))).click()
    actions.perform()
    return r


def texts():
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR,
                                                 "#steps button, #whatif th, #whatif h2, #compare-figures th, #table th")]


def numbers(container):
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, container + " td")]


def ready():
    driver.get(url)
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
    idle()


try:
    ready()
    if phase == "edit":
        # Siting with K=1: the first site, numbered on the map.
        driver.find_element(By.ID, "step-siting").click()
        field = driver.find_element(By.ID, "site-count")
        field.clear()
        field.send_keys("1")
        driver.find_element(By.ID, "site-run").click()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#result-table tbody tr[data-candidate]")) == 1)
        idle()
        site = driver.find_element(By.CSS_SELECTOR, "#map circle[data-kind=site]")
        result["site_id"] = site.get_attribute("data-id")
        # What-if on, add mode, click the site's position on the map.
        driver.find_element(By.ID, "whatif-toggle").click()
        driver.find_element(By.ID, "whatif-add").click()
        click_at(driver.find_element(By.CSS_SELECTOR, "#map circle[data-kind=site]"))
        wait.until(lambda d: d.find_element(By.ID, "add-recommended").get_attribute("data-recommended") is not None)
        idle()
        result["add_kind"] = Select(driver.find_element(By.ID, "add-kind")).first_selected_option.get_attribute("value")
        result["add_area"] = driver.find_element(By.ID, "add-area").get_attribute("value")
        result["add_gained"] = driver.find_element(By.ID, "add-recommended").get_attribute("data-gained")
        driver.find_element(By.ID, "add-confirm").click()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#whatif-figures")) == 1)
        idle()
        result["add_edits"] = edits()
        result["add_figures"] = fields("#whatif")
        # Drag the new facility 60 pixels east: one move edit, evaluated; undo takes it back.
        added = driver.find_element(By.CSS_SELECTOR, "#map rect[data-state=added]")
        p = driver.execute_script(
            "var b = arguments[0].getBoundingClientRect(); return [b.left + b.width / 2, b.top + b.height / 2];", added)
        actions = ActionBuilder(driver)
        actions.pointer_action.move_to_location(int(p[0]), int(p[1])).pointer_down()
        for dx in (10, 20, 30, 40, 50, 60):
            actions.pointer_action.move_to_location(int(p[0]) + dx, int(p[1]))
        actions.pointer_action.pointer_up()
        actions.perform()
        wait.until(lambda d: len(edits()) == 2)
        idle()
        result["move_edits"] = edits()
        result["move_figures"] = fields("#whatif")
        driver.find_element(By.ID, "whatif-undo").click()
        wait.until(lambda d: len(edits()) == 1)
        idle()
        result["undo_figures"] = fields("#whatif")
        # Zoom in on the new facility: the buildings it now covers are recoloured.
        added = driver.find_element(By.CSS_SELECTOR, "#map rect[data-state=added]")
        r = click_at_pos = driver.execute_script(
            "var b = arguments[0].getBoundingClientRect(); return [b.left + b.width / 2, b.top + b.height / 2];", added)
        driver.execute_script("""
          var s = document.getElementById('map');
          for (var i = 0; i < 9; i++) s.dispatchEvent(new WheelEvent('wheel', {deltaY: -100, clientX: arguments[0],
            clientY: arguments[1], bubbles: true, cancelable: true}));
        """, r[0], r[1])
        time.sleep(0.6)
        idle()
        result["changed_drawn"] = len(driver.find_elements(By.CSS_SELECTOR, "#map circle[data-kind=building][data-changed]"))
        driver.save_screenshot(out + "/7-whatif-add.png")
        # The area step shows the scenario's figures and its before/after table.
        driver.find_element(By.ID, "step-area").click()
        wait.until(lambda d: len(d.find_elements(By.ID, "whatif-note")) == 1)
        idle()
        result["area_panel"] = fields("#panel")
        result["area_rows"] = len(rows())
        driver.find_element(By.ID, "zoom-fit").click()
        idle()
        # Close the first party-mass station drawn: click it, then 关闭.
        station = driver.find_elements(By.CSS_SELECTOR,
                                       "#map rect[data-kind=facility][data-facility-kind=party_mass_station]:not([data-state])")[0]
        result["closed_id"] = station.get_attribute("data-id")
        driver.execute_script("arguments[0].dispatchEvent(new PointerEvent('pointerdown', {bubbles: true, pointerId: 5, clientX: 1, clientY: 1}));"
                              "arguments[0].dispatchEvent(new PointerEvent('pointerup', {bubbles: true, pointerId: 5, clientX: 1, clientY: 1}));",
                              station)
        wait.until(lambda d: d.find_element(By.ID, "details").get_attribute("data-facility") == result["closed_id"])
        driver.find_element(By.ID, "facility-close").click()
        wait.until(lambda d: len(edits()) == 2)
        idle()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#map rect[data-state=removed]")) >= 1)
        # Reopen, then close again: the reopened state is the add alone.
        driver.find_element(By.ID, "facility-reopen").click()
        wait.until(lambda d: len(edits()) == 1)
        idle()
        result["reopen_figures"] = fields("#whatif")
        driver.find_element(By.ID, "facility-close").click()
        wait.until(lambda d: len(edits()) == 2)
        idle()
        result["close_edits"] = edits()
        result["close_figures"] = fields("#whatif")
        result["edit_list"] = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#edit-list li")]
        driver.save_screenshot(out + "/8-whatif-close.png")
        # Save as NAME in the 方案 step.
        driver.find_element(By.ID, "step-scenarios").click()
        wait.until(lambda d: len(d.find_elements(By.ID, "scenario-name")) == 1)
        idle()
        box = driver.find_element(By.ID, "scenario-name")
        box.clear()
        box.send_keys(name)
        driver.find_element(By.ID, "scenario-note").send_keys("browser test")
        driver.find_element(By.ID, "scenario-save").click()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#result-table tbody tr[data-id='%s']" % name)) == 1)
        idle()
        result["saved_rows"] = rows()
        # Compare the imported data with NAME.
        Select(driver.find_element(By.ID, "compare-a")).select_by_value("base")
        Select(driver.find_element(By.ID, "compare-b")).select_by_value(name)
        driver.find_element(By.ID, "compare-run").click()
        wait.until(lambda d: len(d.find_elements(By.ID, "compare-figures")) == 1)
        idle()
        result["compare"] = fields("#compare-summary")
        result["compare_heads"] = [th.text for th in driver.find_elements(By.CSS_SELECTOR, "#table th")]
        result["compare_rows"] = len(rows())
        driver.save_screenshot(out + "/9-compare.png")
        # English: words change, numbers do not.
        zh_texts, zh_numbers = texts(), numbers("#compare-figures") + numbers("#whatif-figures")
        driver.find_element(By.ID, "lang").click()
        wait.until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
        wait.until(lambda d: len(d.find_elements(By.ID, "compare-figures")) == 1)
        idle()
        result["zh_texts"], result["en_texts"] = zh_texts, texts()
        result["zh_numbers"] = zh_numbers
        result["en_numbers"] = numbers("#compare-figures") + numbers("#whatif-figures")
        driver.save_screenshot(out + "/10-english.png")
        driver.find_element(By.ID, "lang").click()
        wait.until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN")
        idle()
        # xlsx of the area table through the server's workbook writer (what-if off: the imported data).
        driver.find_element(By.ID, "whatif-toggle").click()
        driver.find_element(By.ID, "step-area").click()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#panel [data-field=total_deficit]")) == 1)
        idle()
        driver.find_element(By.ID, "xlsx").click()
        deadline = time.time() + 60
        while time.time() < deadline and not glob.glob(downloads + "/*.xlsx"):
            time.sleep(0.3)
        time.sleep(0.5)
        result["xlsx"] = sorted(glob.glob(downloads + "/*.xlsx"))
        # The siting list's sites as what-if facilities in one click.
        driver.find_element(By.ID, "step-siting").click()
        wait.until(lambda d: len(d.find_elements(By.ID, "sites-to-whatif")) == 1)
        before = len(edits())
        driver.find_element(By.ID, "sites-to-whatif").click()
        wait.until(lambda d: len(edits()) == before + 1)
        idle()
        result["sites_edit"] = edits()[-1]
        result["sites_figures"] = fields("#whatif")
    else:
        # After the restart: the saved scenario is listed and opens with the same figures.
        driver.find_element(By.ID, "step-scenarios").click()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#result-table tbody tr[data-id='%s']" % name)) == 1)
        idle()
        result["listed"] = [r["id"] for r in rows()]
        driver.find_element(By.CSS_SELECTOR, "#result-table tbody tr[data-id='%s']" % name).click()
        driver.find_element(By.ID, "scenario-open").click()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#whatif-figures")) == 1)
        idle()
        result["open_edits"] = edits()
        result["open_figures"] = fields("#whatif")
        # Apply: the confirmation says what changes; then the base figures reload.
        driver.find_element(By.CSS_SELECTOR, "#result-table tbody tr[data-id='%s']" % name).click()
        driver.find_element(By.ID, "scenario-apply").click()
        wait.until(lambda d: "shown" in (d.find_element(By.ID, "dialog").get_attribute("class") or ""))
        result["apply_lines"] = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#dialog-lines li")]
        driver.save_screenshot(out + "/11-apply-confirm.png")
        driver.find_element(By.ID, "dialog-ok").click()
        wait.until(lambda d: "shown" not in (d.find_element(By.ID, "dialog").get_attribute("class") or ""))
        idle()
        driver.find_element(By.ID, "step-area").click()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#panel [data-field=total_deficit]")) == 1)
        idle()
        result["area_after_apply"] = fields("#panel")
        # Discard the scenario.
        driver.find_element(By.ID, "step-scenarios").click()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#result-table tbody tr[data-id='%s']" % name)) == 1)
        idle()
        driver.find_element(By.CSS_SELECTOR, "#result-table tbody tr[data-id='%s']" % name).click()
        driver.find_element(By.ID, "scenario-delete").click()
        wait.until(lambda d: "shown" in (d.find_element(By.ID, "dialog").get_attribute("class") or ""))
        driver.find_element(By.ID, "dialog-ok").click()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#result-table tbody tr[data-id='%s']" % name)) == 0)
        idle()
        result["after_delete"] = [r["id"] for r in rows()]
        # The grid plan: preview, then apply after the confirmation.
        driver.find_element(By.ID, "step-grids").click()
        wait.until(lambda d: len(d.find_elements(By.ID, "grids-apply")) == 1)
        idle()
        result["grids_panel"] = fields("#panel")
        driver.find_element(By.ID, "grids-apply").click()
        wait.until(lambda d: "shown" in (d.find_element(By.ID, "dialog").get_attribute("class") or ""))
        result["grids_lines"] = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#dialog-lines li")]
        driver.find_element(By.ID, "dialog-ok").click()
        wait.until(lambda d: len(d.find_elements(By.ID, "grids-applied")) == 1)
        idle()
        driver.save_screenshot(out + "/12-grids-applied.png")
except Exception as e:  # reported in the JSON: the Swift test shows where the page stopped
    result["failed"] = "%s: %s" % (type(e).__name__, e)
    try:
        driver.save_screenshot(out + "/failed-%s.png" % phase)
    except Exception:
        pass
finally:
    try:
        result["console"] = [e["message"] for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    except Exception:
        pass
    try:
        result["error_box"] = driver.find_element(By.ID, "error").text
    except Exception:
        pass
    driver.quit()
print(json.dumps(result, ensure_ascii=False))
sys.exit(1 if "failed" in result else 0)
